import type { LineIndex, Span } from './lineIndex';
import type { HtmlComment } from './types';

/**
 * Bare URLs, link targets and `<scheme:…>` autolinks (which hold no `<`, so a failed one never rescans the next).
 * Sticky: it is only tried where nextUrlCandidate finds one can start, rather than at every character.
 */
const URL = /\bhttps?:\/\/[^\s)>\]|]+|\]\([^)\s]*\)?|<[a-z][a-z0-9+.-]*:[^\s<>]*>/iy;

/**
 * Blanks everything that is not the author's own prose: language rules then scan one string whose
 * offsets equal the document's. Inline HTML comments found on the way are added to `comments`.
 * Each kind of thing is found with one scan over the whole text; code spans and comments end on their line.
 */
export function maskProse(lines: LineIndex, hidden: Span[], nonProseLines: [number, number][], comments: HtmlComment[]): string {
  const text = lines.text;
  const spans: Span[] = [...hidden];
  for (const [from, to] of nonProseLines) spans.push({ start: lines.lineStarts[from], end: lines.lineEnds[to - 1] });
  const blocked = blockedLines(lines, hidden, nonProseLines);
  codeSpans(lines, blocked, spans);
  inlineComments(lines, blocked, spans, comments);
  // The matches a global scan would find: leftmost first, each search going on after the previous match.
  const nextUrlCandidate = urlCandidates(text);
  for (let at = nextUrlCandidate(0); at >= 0; ) {
    URL.lastIndex = at;
    const m = URL.exec(text);
    if (!m) {
      at = nextUrlCandidate(at + 1);
      continue;
    }
    if (!isBlocked(blocked, lines.lineAt(at))) spans.push({ start: at, end: at + m[0].length });
    at = nextUrlCandidate(at + m[0].length);
  }
  return blank(text, spans);
}

/**
 * Gives, for offsets that only grow, the first offset from there on where URL may match: 4 or 5 characters
 * before a `://` (`http`, `https`), a `](`, or a `<`. indexOf skips the text between them far faster than the
 * regex tries every character. Each marker's next place is kept and searched again only once the offset has
 * passed it: searching all three from every candidate was quadratic on text full of failed candidates (300 KB
 * of `<a ` took 0.6 s, 600 KB 2.4 s).
 */
function urlCandidates(text: string): (from: number) => number {
  // -2: not searched yet; -1: none left.
  let colon = -2;
  let link = -2;
  let angle = -2;
  return (from) => {
    if (colon !== -1 && colon < from + 4) colon = text.indexOf('://', from + 4);
    if (link !== -1 && link < from) link = text.indexOf('](', from);
    if (angle !== -1 && angle < from) angle = text.indexOf('<', from);
    let first = colon < 0 ? -1 : colon - 5 >= from ? colon - 5 : colon - 4;
    if (link >= 0 && (first < 0 || link < first)) first = link;
    if (angle >= 0 && (first < 0 || angle < first)) first = angle;
    return first;
  };
}

/**
 * The lines that are not prose, as sorted, disjoint [from, to) ranges in one flat array. Only the lines where a code
 * span, comment or URL starts are looked up, so this beats marking every line of the document (most documents
 * have no range at all).
 */
function blockedLines(lines: LineIndex, hidden: Span[], nonProseLines: [number, number][]): number[] {
  const ranges = nonProseLines.map(([from, to]) => [from, to]);
  for (const span of hidden) ranges.push([lines.lineAt(span.start), lines.lineAt(span.end) + 1]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [from, to] of ranges) {
    if (to <= from) continue;
    const lastEnd = merged.length - 1;
    if (lastEnd > 0 && from <= merged[lastEnd]) merged[lastEnd] = Math.max(merged[lastEnd], to);
    else merged.push(from, to);
  }
  return merged;
}

/** Whether a line lies in one of the ranges of blockedLines (a binary search for the last range starting at or before it). */
function isBlocked(blocked: number[], line: number): boolean {
  let low = 0;
  let high = blocked.length / 2 - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocked[2 * mid] <= line) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found >= 0 && line < blocked[2 * found + 1];
}

/** Inline code (`` `x` ``, ``` ``x`` ```) on prose lines. */
function codeSpans(lines: LineIndex, blocked: number[], spans: Span[]): void {
  const text = lines.text;
  let open = text.indexOf('`');
  while (open >= 0) {
    let run = 1;
    while (text.charCodeAt(open + run) === 96) run++;
    const line = lines.lineAt(open);
    const lineEnd = lines.lineEnds[line];
    let close = isBlocked(blocked, line) ? -1 : text.indexOf('`'.repeat(run), open + run);
    while (close >= 0 && close < lineEnd && text.charCodeAt(close + run) === 96) close = text.indexOf('`'.repeat(run), close + run + 1);
    if (close >= 0 && close < lineEnd) {
      spans.push({ start: open, end: close + run });
      open = text.indexOf('`', close + run);
    } else {
      open = text.indexOf('`', open + run);
    }
  }
}

/** `<!-- ... -->` on one prose line (block comments come from markdown-it's HTML blocks). */
function inlineComments(lines: LineIndex, blocked: number[], spans: Span[], comments: HtmlComment[]): void {
  const text = lines.text;
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return;
    const line = lines.lineAt(open);
    if (!isBlocked(blocked, line) && close < lines.lineEnds[line]) {
      const span = { start: open, end: close + 3 };
      spans.push(span);
      comments.push({ line, span, body: text.slice(open + 4, close).trim() });
      open = text.indexOf('<!--', close + 3);
    } else {
      open = text.indexOf('<!--', open + 4);
    }
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
