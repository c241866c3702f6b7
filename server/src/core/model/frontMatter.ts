import { Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { LineIndex, Span } from './lineIndex';
import type { FrontMatter, FrontMatterEntry } from './types';

/** Aliases a front matter may expand: enough for real use, far too few for a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 50;
/** Nesting deeper than this is refused before the YAML parser sees it, so it cannot exhaust the stack. */
const MAX_NESTING = 64;

/** Finds and parses the front matter at the very start of the text. */
export function parseFrontMatter(lines: LineIndex): FrontMatter | undefined {
  const first = lines.lineText(0).replace(/^\uFEFF/, '').trimEnd();
  const kind = first === '---' ? 'yaml' : first === '+++' ? 'toml' : undefined;
  if (!kind || lines.lineCount < 2) return undefined;
  let closeLine = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trimEnd();
    if (text === first || (kind === 'yaml' && text === '...')) {
      closeLine = line;
      break;
    }
  }
  const closed = closeLine >= 0;
  const contentStart = lines.lineStarts[1];
  const contentEnd = closed ? lines.lineStarts[closeLine] : lines.text.length;
  // An unclosed fence is a thematic break to every Markdown renderer: the rest stays the body, so that
  // rules and fixes see its headings (otherwise a fix adding a section would land in the "front matter"
  // and be added again on every pass).
  const span = closed ? { start: 0, end: lines.lineEnds[closeLine] } : lines.lineSpan(0);
  const contentSpan = { start: contentStart, end: Math.max(contentStart, contentEnd) };
  const frontMatter: FrontMatter = { kind, span, contentSpan, closed, entries: [], errors: [] };
  if (!closed) {
    frontMatter.errors.push({
      message: `Front matter opened with \`${first}\` on line 1 is never closed.`,
      span: lines.lineSpan(0),
    });
    return frontMatter;
  }
  if (kind === 'yaml') parseYaml(lines.text.slice(contentSpan.start, contentSpan.end), contentSpan.start, frontMatter);
  return frontMatter;
}

function parseYaml(source: string, base: number, frontMatter: FrontMatter): void {
  const errors = frontMatter.errors;
  const depth = nestingDepth(source);
  if (depth > MAX_NESTING) {
    errors.push({
      message: `Front matter is nested ${depth} levels deep; more than ${MAX_NESTING} is not read.`,
      span: { start: base, end: base + source.length },
    });
    return;
  }
  const flat = readFlatYaml(source, base);
  if (flat) {
    frontMatter.data = flat.data;
    frontMatter.entries.push(...flat.entries);
    return;
  }
  parseYamlDocument(source, base, frontMatter);
}

/** Parses front matter with the YAML parser: the general path, for anything readFlatYaml does not take. */
export function parseYamlDocument(source: string, base: number, frontMatter: FrontMatter): void {
  const errors = frontMatter.errors;
  const lineCounter = new LineCounter();
  try {
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, lineCounter, strict: true });
    for (const error of [...doc.errors, ...doc.warnings]) {
      const [from, to] = error.pos;
      errors.push({ message: yamlMessage(error.message), span: { start: base + from, end: base + Math.max(to, from) } });
    }
    if (doc.errors.length > 0) return;
    const contents = doc.contents;
    if (contents === null) return;
    if (!isMap(contents)) {
      errors.push({ message: 'Front matter must be a mapping of keys to values.', span: { start: base, end: base + source.length } });
      return;
    }
    // A key that is a list or a mapping (`? [a, b]: c`) has no name to check, and converting it would
    // stringify it behind the user's back (with a process warning): the front matter is reported instead.
    const complexKey = contents.items.find((pair) => pair.key !== null && !isScalar(pair.key));
    if (complexKey) {
      const range = (complexKey.key as { range?: [number, number, number] }).range ?? [0, source.length];
      errors.push({ message: 'Front matter keys must be plain words, not lists or mappings.', span: { start: base + range[0], end: base + Math.max(range[0], range[1]) } });
      return;
    }
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    frontMatter.data = data;
    for (const pair of contents.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const keyRange = pair.key.range ?? [0, 0];
      const valueNode = pair.value as { range?: [number, number, number] } | null;
      const valueRange = valueNode?.range ?? [keyRange[1], keyRange[1]];
      const entry: FrontMatterEntry = {
        key,
        value: data[key],
        keySpan: { start: base + keyRange[0], end: base + keyRange[1] },
        valueSpan: { start: base + valueRange[0], end: base + valueRange[1] },
      };
      frontMatter.entries.push(entry);
    }
  } catch (error) {
    // toJS throws for alias bombs ("Excessive alias count") and the parser can throw on hostile input.
    const message = error instanceof Error ? error.message : String(error);
    errors.push({ message: yamlMessage(message), span: { start: base, end: base + source.length } });
  }
}

/** A key the fast path takes: a plain word (a YAML plain scalar with no indicator, space or colon). */
const FLAT_KEY = /^[a-z_][\w-]*$/i;
/** An item of a flow list the fast path takes: `[notifications, infrastructure]`. */
const FLAT_ITEM = /^[a-z0-9][\w./-]*$/i;

/** What the fast path read: the same data and entries the YAML parser gives for that source. */
export interface FlatYaml {
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
}

/**
 * The common front matter without the YAML parser (which took about a twentieth of the lint time): one
 * `key: value` line per key, each value a one-line plain string or a one-line flow list of plain words
 * (`tags: [a, b]`). Anything else (quotes, comments, indentation, empty values, a value YAML reads as a
 * number, boolean or null, a repeated key) returns undefined and goes to the YAML parser, so the fast path
 * only ever answers where YAML's answer is a plain string or list of strings: a property test checks that it
 * gives the same data and spans as parseYamlDocument.
 */
export function readFlatYaml(source: string, base: number): FlatYaml | undefined {
  if (source.length === 0 || source.charCodeAt(source.length - 1) !== 10) return undefined;
  const data: Record<string, unknown> = {};
  const entries: FrontMatterEntry[] = [];
  let start = 0;
  while (start < source.length) {
    const end = source.indexOf('\n', start);
    if (end > start) {
      const entry = flatEntry(source, start, end, base);
      if (!entry || Object.prototype.hasOwnProperty.call(data, entry.key)) return undefined;
      data[entry.key] = entry.value;
      entries.push(entry);
    }
    start = end + 1;
  }
  return entries.length > 0 ? { data, entries } : undefined;
}

/** One `key: value` line from start to end (its newline), or undefined when it is not flat. */
function flatEntry(source: string, start: number, end: number, base: number): FrontMatterEntry | undefined {
  const colon = source.indexOf(': ', start);
  if (colon < 0 || colon >= end) return undefined;
  const key = source.slice(start, colon);
  const valueStart = colon + 2;
  const raw = source.slice(valueStart, end);
  if (!FLAT_KEY.test(key) || key === '__proto__' || resolvesToNonString(key, true)) return undefined;
  const value = raw.charCodeAt(0) === 91 /* [ */ ? flatList(raw) : flatString(raw) ? raw : undefined;
  if (value === undefined) return undefined;
  return { key, value, keySpan: { start: base + start, end: base + colon }, valueSpan: { start: base + valueStart, end: base + end } };
}

/**
 * Whether a one-line value is a YAML plain scalar that stays exactly as written: printable ASCII opening
 * with a letter or digit (no indicator), no `: ` (a nested mapping), no ` #` (a comment), no flow brackets,
 * and no space or colon at its end.
 */
function flatString(raw: string): boolean {
  if (raw.length === 0 || !isAlphanumeric(raw.charCodeAt(0))) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c > 126 || c === 91 || c === 93 || c === 123 || c === 125) return false;
  }
  const last = raw.charCodeAt(raw.length - 1);
  if (last === 32 || last === 58 || raw.includes(': ') || raw.includes(' #')) return false;
  return !resolvesToNonString(raw, false);
}

/** `[a, b]` of plain words, each of which YAML reads as a string; undefined for any other list. */
function flatList(raw: string): string[] | undefined {
  if (raw.charCodeAt(raw.length - 1) !== 93 /* ] */) return undefined;
  const inner = raw.slice(1, -1);
  if (inner.length === 0) return [];
  const items = inner.split(', ');
  for (const item of items) if (!FLAT_ITEM.test(item) || resolvesToNonString(item, false)) return undefined;
  return items;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The tags YAML's default (1.2 core) schema tries on a plain scalar, in its order: null, bool, int, float. */
let coreTags: { default?: boolean | 'key'; test?: RegExp }[] | undefined;

/** Whether YAML's core schema reads this plain scalar as something other than a string (`1`, `true`, `~`). */
function resolvesToNonString(plain: string, atKey: boolean): boolean {
  coreTags ??= new Document().schema.tags as { default?: boolean | 'key'; test?: RegExp }[];
  return coreTags.some((tag) => (tag.default === true || (atKey && tag.default === 'key')) && tag.test !== undefined && tag.test.test(plain));
}

/** Deepest bracket or indentation nesting, counted cheaply without parsing. */
function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n') {
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart && (ch === ' ' || ch === '-')) {
      indent++;
      deepest = Math.max(deepest, indent >> 1);
      continue;
    }
    atLineStart = false;
    if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return deepest;
}

function yamlMessage(message: string): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `Front matter YAML: ${firstLine}`;
}

/** The entry for a key, if present. */
export function frontMatterEntry(frontMatter: FrontMatter | undefined, key: string): FrontMatterEntry | undefined {
  return frontMatter?.entries.find((entry) => entry.key === key);
}

/** Error spans are clamped so that they always lie inside the document. */
export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
