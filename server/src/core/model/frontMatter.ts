import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
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
