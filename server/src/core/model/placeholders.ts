import type { Span } from './lineIndex';
import { perDocument } from './perDocument';
import { normalizeHeading } from './sectionKinds';
import type { PostmortemDocument, TableCell } from './types';

/** Why a piece of text is taken for left-over template text. */
export type PlaceholderKind = 'bracket' | 'marker' | 'mask' | 'unknownValue' | 'heading' | 'braces';

/** Template text the author was meant to replace. */
export interface Placeholder {
  span: Span;
  text: string;
  kind: PlaceholderKind;
}

/** Markers people write for "fill in later"; upper case only, so prose such as "todo list" is left alone. */
const MARKER = /(?<![\w-])(?:TODO|TBD|TBC|FIXME|XXX)(?![\w-])/g;
/** Date and time masks from templates: `YYYY-MM-DD`, `HH:mm`, `YYYYMMDD`. */
const MASK = /(?<![\w-])(?:YYYY(?:[-/]MM(?:[-/]DD)?|MMDD)?|DD[-/.]MM[-/.]YYYY|MM[-/]DD[-/]YYYY|HH:[Mm]{2}(?::SS)?)(?![\w-])/g;
/** `[Name]`, `[1-2 sentences…]`: a bracket pair on one line, nothing nested. Sticky: tried only at each `[`. */
const BRACKET = /\[([^[\]\n]{1,160})\]/y;
/** `{each item here should have an owner}`, `{{ incident name }}`: template guidance in braces. */
const BRACES = /\{\{?([^{}\n]{3,200})\}\}?/g;
/**
 * `- Time to detection: ?` (DFDS): a label whose value is only question marks. The indent and bullet are read
 * whole, then at most 60 label characters; a label of blanks only (`   : ?`) still counts, as the label may
 * borrow them (`(?<!^)` keeps it non-empty). Letting the label start inside the indent rescanned it at each blank.
 */
const UNKNOWN_LINE_VALUE = /^[ \t]*(?:[-*+][ \t]+)?(?![ \t])[^:\n?]{0,60}(?<!^):[ \t]*(\?{1,3})[ \t]*$/;
/**
 * `[label]: url` reference definitions, tried only at a line start (after up to three spaces). The label ends at
 * any line terminator, as `^` starts after one: a label may not run on past a bare `\r` and rescan the line.
 */
const REFERENCE_DEFINITION = /^ {0,3}\[([^\]\n\r\u2028\u2029]+)\]:/my;

/** Bracketed words templates use for "fill this in". */
const KNOWN_BRACKET = /^(?:(?:incident |service |team |your |full |owner |author )?(?:name|names|title|list|link|links|url|date|time|owner|team|service|description|summary|details|ticket|jira|email)s?|\d+\s*[-–]\s*\d+ (?:sentences?|words?|paragraphs?)\b.*|one (?:sentence|line|paragraph)\b.*|(?:link|links) to\b.*|(?:insert|describe|add|enter|fill in|explain|include|write|list|put|what|key|detailed|short|brief)\b.*)$/i;
/** Headings that are still the template's title. */
const TEMPLATE_TITLES = new Set(['issue name', 'incident name', 'incident title', 'postmortem title', 'title', 'name', 'short title']);

/** Every piece of left-over template text, in document order, never overlapping; computed once per document. */
export const findPlaceholders: (doc: PostmortemDocument) => readonly Placeholder[] = perDocument(scanPlaceholders);

function scanPlaceholders(doc: PostmortemDocument): Placeholder[] {
  const found: Placeholder[] = [];
  const { text, prose } = doc;
  for (const heading of doc.headings) {
    const words = normalizeHeading(heading.text.replace(/^(?:post-?mortem|incident)\s*:\s*/i, ''));
    if (TEMPLATE_TITLES.has(words)) found.push({ span: heading.textSpan, text: heading.text, kind: 'heading' });
  }
  // Each pattern needs a literal that most documents lack: a cheap search for it skips the regex scan.
  if (hasMarker(prose)) {
    const statusCells = statusCellSpans(doc);
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(prose); m; m = MARKER.exec(prose)) {
      // "TODO" in a Status column is a status, not a gap.
      if (statusCells.some((c) => m.index >= c.start && m.index < c.end)) continue;
      found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], kind: 'marker' });
    }
  }
  if (prose.includes('YYYY') || prose.includes('HH:')) {
    MASK.lastIndex = 0;
    for (let m = MASK.exec(prose); m; m = MASK.exec(prose)) found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], kind: 'mask' });
  }
  if (prose.includes('[')) {
    const references = referenceLabels(text);
    // What a global scan finds, without trying the pattern at every offset: each match starts at a `[`.
    for (let start = prose.indexOf('['); start >= 0; ) {
      BRACKET.lastIndex = start;
      const m = BRACKET.exec(prose);
      if (!m) {
        start = prose.indexOf('[', start + 1);
        continue;
      }
      const end = start + m[0].length;
      if (isPlaceholderBracket(text, start, end, m[1], references)) found.push({ span: { start, end }, text: m[0], kind: 'bracket' });
      start = prose.indexOf('[', end);
    }
  }
  if (prose.includes('{')) {
    BRACES.lastIndex = 0;
    for (let m = BRACES.exec(prose); m; m = BRACES.exec(prose)) {
      if (/(?<![A-Z])[A-Z]{2,}[\s,]+[A-Z]{2,}/i.test(m[1]) || /^\s*(?:yyyy|hh:mm|mm\/dd|dd\/mm)/i.test(m[1])) found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], kind: 'braces' });
    }
  }
  unknownLineValues(doc, found);
  for (const field of doc.fields) {
    if (isUnknownMark(field.value) && prose.slice(field.valueSpan.start, field.valueSpan.end).trim()) {
      found.push({ span: field.valueSpan, text: field.value, kind: 'unknownValue' });
    }
  }
  for (const table of doc.tables) {
    for (const row of table.rows) for (const cell of row.cells) if (isUnknownMark(cell.text)) found.push(cellPlaceholder(cell));
  }
  return dedupe(found);
}

function hasMarker(prose: string): boolean {
  return prose.includes('TODO') || prose.includes('TB') || prose.includes('FIXME') || prose.includes('XXX');
}

/** `- Time to detection: ?`: only lines ending in "?" can hold one, so only lines with a "?" are read. */
function unknownLineValues(doc: PostmortemDocument, found: Placeholder[]): void {
  const { prose, lines } = doc;
  let line = 0;
  for (let q = prose.indexOf('?'); q >= 0; q = prose.indexOf('?', lines.lineEnds[line] + 1)) {
    while (lines.lineEnds[line] < q) line++;
    const lineStart = lines.lineStarts[line];
    const lineText = prose.slice(lineStart, lines.lineEnds[line]);
    const m = lineText.trimEnd().endsWith('?') ? UNKNOWN_LINE_VALUE.exec(lineText) : null;
    if (m) {
      const start = lineStart + m[0].length - m[1].length - (m[0].length - m[0].trimEnd().length);
      found.push({ span: { start, end: start + m[1].length }, text: m[1], kind: 'unknownValue' });
    }
    if (line === lines.lineCount - 1) break;
  }
}

/**
 * Labels of `[label]: url` definitions (lower case). A definition starts a line, so only a `[` with at most
 * three spaces between it and a line break can open one; the sticky pattern is tried there alone.
 */
function referenceLabels(text: string): Set<string> {
  const labels = new Set<string>();
  if (!text.includes(']:')) return labels;
  let after = 0;
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    let start = open;
    while (start > 0 && open - start < 3 && text.charCodeAt(start - 1) === 32) start--;
    if (start < after || !isLineStart(text, start)) continue;
    REFERENCE_DEFINITION.lastIndex = start;
    const m = REFERENCE_DEFINITION.exec(text);
    if (!m) continue;
    labels.add(m[1].trim().toLowerCase());
    after = REFERENCE_DEFINITION.lastIndex;
  }
  return labels;
}

/** Where `^` matches in a multiline JavaScript pattern: the start, or after any line terminator. */
function isLineStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before === 10 || before === 13 || before === 0x2028 || before === 0x2029;
}

/** Whether a value is only "I don't know" marks: `?`, `??`, `…`. */
export function isUnknownMark(value: string): boolean {
  return /^(?:\?{1,3}|\.{3}|…)$/.test(value.trim());
}

function statusCellSpans(doc: PostmortemDocument): Span[] {
  const spans: Span[] = [];
  for (const table of doc.tables) {
    const column = table.header.cells.findIndex((c) => /^(?:status|state)$/i.test(c.text.replace(/[*_]/g, '').trim()));
    if (column < 0) continue;
    for (const row of table.rows) if (row.cells[column]) spans.push(row.cells[column].rawSpan);
  }
  return spans;
}

function cellPlaceholder(cell: TableCell): Placeholder {
  return { span: cell.span, text: cell.text, kind: 'unknownValue' };
}

function isPlaceholderBracket(text: string, start: number, end: number, inner: string, references: Set<string>): boolean {
  const before = text[start - 1];
  const after = text[end];
  // Links, images, reference links and definitions, footnotes, escaped brackets and task boxes are not placeholders.
  if (before === '!' || before === '\\' || before === ']' || after === '(' || after === '[' || after === ':') return false;
  const label = inner.trim();
  if (!label || /^[ x]$/i.test(inner) || label.startsWith('^') || references.has(label.toLowerCase())) return false;
  if (KNOWN_BRACKET.test(label)) return true;
  // Times, numbers and marks of uncertainty ("[08:47]", "[20m]", "[???]") are content, not gaps.
  // Only lower-case guidance ("[link to github issue]") is taken when it fills a value: "[Sen Lu]" is a link.
  if (!/^[a-z]/.test(label)) return false;
  return fillsWholeValue(text, start, end);
}

/** Whether the bracket is all there is on its line, after a list marker, a field label or a table pipe. */
function fillsWholeValue(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const lead = text
    .slice(lineStart, start)
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s+)?/i, '')
    .replace(/^\s*#{1,6}\s+/, '');
  const rest = text.slice(end, lineEnd).trim();
  const trimmedLead = lead.trim();
  const leadOk = trimmedLead === '' || trimmedLead.endsWith('|') || /^(?:\*\*|__)?[^*_|:]{1,60}(?:\*\*|__)?:(?:\*\*|__)?$/.test(trimmedLead);
  const restOk = rest === '' || /^[.,;:]$/.test(rest) || rest.startsWith('|') || /^<br\s*\/?>/i.test(rest);
  return leadOk && restOk;
}

function dedupe(found: Placeholder[]): Placeholder[] {
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: Placeholder[] = [];
  for (const p of found) {
    const last = kept[kept.length - 1];
    if (last && p.span.start < last.span.end) continue;
    kept.push(p);
  }
  return kept;
}

/** The placeholders (sorted, as `findPlaceholders` returns them) that overlap a span, found by binary search. */
export function placeholdersIn(placeholders: readonly Placeholder[], span: Span): Placeholder[] {
  let low = 0;
  let high = placeholders.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (placeholders[mid].span.end <= span.start) low = mid + 1;
    else high = mid;
  }
  const out: Placeholder[] = [];
  for (let k = low; k < placeholders.length && placeholders[k].span.start < span.end; k++) out.push(placeholders[k]);
  return out;
}
