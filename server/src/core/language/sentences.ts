import type { Span } from '../model/lineIndex';
import { tokenize, type Token } from './people';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'approx', 'ca', 'no', 'incl', 'cf', 'fig', 'st', 'jr', 'sr']);

/** A sentence (or heading, list item or table cell text): its span and its words `tokens[from..to)`. */
export interface Sentence {
  span: Span;
  from: number;
  to: number;
}

/** The prose cut into sentences and words once, shared by every language rule. */
export interface ProseAnalysis {
  sentences: Sentence[];
  tokens: Token[];
  /** Each token in lower case, curly apostrophes made straight. */
  lower: string[];
}

let cache: { prose: string; analysis: ProseAnalysis } | undefined;

/** Sentences and words of the masked prose; the last result is kept, as several rules ask for the same text. */
export function analyseProse(prose: string): ProseAnalysis {
  if (cache?.prose === prose) return cache.analysis;
  const tokens = tokenize(prose, 0);
  const lower = tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
  const sentences: Sentence[] = [];
  let next = 0;
  for (const span of splitSentences(prose)) {
    while (next < tokens.length && tokens[next].start < span.start) next++;
    const from = next;
    while (next < tokens.length && tokens[next].end <= span.end) next++;
    sentences.push({ span, from, to: next });
  }
  const analysis = { sentences, tokens, lower };
  cache = { prose, analysis };
  return analysis;
}

/**
 * Splits masked prose into sentence spans. Paragraph lines are joined (postmortems are often hard-wrapped), while
 * headings, list items, table cells and blank (or fully masked) lines always end a sentence. One pass; offsets
 * are the document's.
 */
export function splitSentences(prose: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  const close = (end: number) => {
    let e = end;
    while (e > start && isSpace(prose.charCodeAt(e - 1))) e--;
    if (e > start) spans.push({ start, end: e });
    start = -1;
  };
  let lineStart = 0;
  while (lineStart <= prose.length) {
    let lineEnd = prose.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = prose.length;
    const contentEnd = prose.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let i = lineStart;
    while (i < contentEnd && isSpace(prose.charCodeAt(i))) i++;
    const marker = i < contentEnd ? blockMarker(prose, i, contentEnd) : -1;
    if ((i >= contentEnd || marker >= 0) && start >= 0) close(lineStart);
    if (marker >= 0) i = marker;
    for (; i < contentEnd; i++) {
      const code = prose.charCodeAt(i);
      if (code === 124 /* | */) {
        if (start >= 0) close(i);
        continue;
      }
      if (start < 0 && !isSpace(code)) start = i;
      if ((code === 46 || code === 33 || code === 63) && start >= 0 && (i + 1 >= contentEnd || isSpace(prose.charCodeAt(i + 1))) && !isAbbreviation(prose, i)) {
        close(i + 1);
      }
    }
    lineStart = lineEnd + 1;
  }
  if (start >= 0) close(prose.length);
  return spans;
}

/** Where a line's text starts after a heading, list or table marker; -1 when the line is a plain paragraph line. */
function blockMarker(prose: string, i: number, end: number): number {
  const code = prose.charCodeAt(i);
  if (code === 35 /* # */) {
    let j = i;
    while (j < end && prose.charCodeAt(j) === 35) j++;
    return j;
  }
  if (code === 124 /* | */) return i;
  if ((code === 45 || code === 42 || code === 43) && isSpace(prose.charCodeAt(i + 1))) return i + 1;
  let j = i;
  while (j < end && j - i < 9 && prose.charCodeAt(j) >= 48 && prose.charCodeAt(j) <= 57) j++;
  if (j > i && (prose[j] === '.' || prose[j] === ')') && isSpace(prose.charCodeAt(j + 1))) return j + 1;
  return -1;
}

function isAbbreviation(prose: string, dot: number): boolean {
  let j = dot;
  while (j > 0 && dot - j < 8 && isWordOrDot(prose.charCodeAt(j - 1))) j--;
  const word = prose.slice(j, dot);
  // A single capital before the dot is an initial ("J. Birchall").
  return ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

function isWordOrDot(code: number): boolean {
  return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}
