import type { LineIndex, Span } from './lineIndex';
import type { HtmlComment } from './types';

const INLINE_COMMENT = /<!--[\s\S]*?-->/g;
const URL = /\bhttps?:\/\/[^\s)>\]|]+|\]\([^)\s]*\)|<[a-z][a-z0-9+.-]*:[^\s>]*>/gi;

/**
 * Blanks everything that is not the author's own prose: language rules then scan one string whose
 * offsets equal the document's. Inline HTML comments found on the way are added to `comments`.
 */
export function maskProse(lines: LineIndex, hidden: Span[], nonProseLines: [number, number][], comments: HtmlComment[]): string {
  const text = lines.text;
  const spans: Span[] = [...hidden];
  for (const [from, to] of nonProseLines) spans.push({ start: lines.lineStarts[from], end: lines.lineEnds[to - 1] });
  const blocked = new Uint8Array(lines.lineCount);
  for (const [from, to] of nonProseLines) blocked.fill(1, from, to);
  for (const span of hidden) blocked.fill(1, lines.lineAt(span.start), lines.lineAt(span.end) + 1);

  for (let line = 0; line < lines.lineCount; line++) {
    if (blocked[line]) continue;
    const start = lines.lineStarts[line];
    const lineText = lines.lineText(line);
    if (lineText.includes('`')) codeSpans(lineText, start, spans);
    if (lineText.includes('<!--')) {
      INLINE_COMMENT.lastIndex = 0;
      for (let m = INLINE_COMMENT.exec(lineText); m; m = INLINE_COMMENT.exec(lineText)) {
        const span = { start: start + m.index, end: start + m.index + m[0].length };
        spans.push(span);
        comments.push({ line, span, body: m[0].slice(4, -3).trim() });
      }
    }
    if (lineText.includes(':') || lineText.includes('](')) {
      URL.lastIndex = 0;
      for (let m = URL.exec(lineText); m; m = URL.exec(lineText)) {
        spans.push({ start: start + m.index, end: start + m.index + m[0].length });
      }
    }
  }
  return blank(text, spans);
}

/** Adds the spans of inline code (`` `x` ``, ``` ``x`` ```) on one line. */
function codeSpans(lineText: string, base: number, spans: Span[]): void {
  let i = 0;
  while (i < lineText.length) {
    const open = lineText.indexOf('`', i);
    if (open < 0) return;
    let run = 1;
    while (lineText[open + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = lineText.indexOf(fence, open + run);
    while (close >= 0 && lineText[close + run] === '`') close = lineText.indexOf(fence, close + run + 1);
    if (close < 0) {
      i = open + run;
      continue;
    }
    spans.push({ start: base + open, end: base + close + run });
    i = close + run;
  }
}

/** Replaces every character inside the spans with a space, keeping line breaks. */
export function blank(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    parts.push(text.slice(at, start));
    blankRun(text, start, span.end, parts);
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Spaces for text[start, end), line breaks kept; one `repeat` per line rather than a regex per character. */
function blankRun(text: string, start: number, end: number, parts: string[]): void {
  let at = start;
  while (at < end) {
    let stop = at;
    while (stop < end) {
      const code = text.charCodeAt(stop);
      if (code === 10 || code === 13) break;
      stop++;
    }
    if (stop > at) parts.push(' '.repeat(stop - at));
    if (stop < end) parts.push(text[stop]);
    at = stop + 1;
  }
}
