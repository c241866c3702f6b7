import type { Span } from '../model/lineIndex';
import { tokenize, wordsIn, type Token } from './people';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'approx', 'ca', 'no', 'incl', 'cf', 'fig', 'st', 'jr', 'sr']);

/** A sentence (or heading, list item or table cell text): its span and its words `tokens[from..to)`. */
export interface Sentence {
  span: Span;
  from: number;
  to: number;
}

/** The prose cut into sentences and words. */
export interface ProseAnalysis {
  sentences: Sentence[];
  tokens: Token[];
  /** Each token in lower case, curly apostrophes made straight. */
  lower: string[];
}

/** One sentence and its own words (indices start at 0 for the sentence's first word). */
export interface SentenceWords {
  span: Span;
  tokens: Token[];
  /** Each token in lower case, curly apostrophes made straight. */
  lower: string[];
}

/** Sentences and words of the whole masked prose (rules that look at a few sentences use `sentencesMatching`). */
export function analyseProse(prose: string): ProseAnalysis {
  const tokens = tokenize(prose, 0);
  const lower = tokens.map(lowerWord);
  const sentences: Sentence[] = [];
  let next = 0;
  for (const span of splitSentences(prose)) {
    while (next < tokens.length && tokens[next].start < span.start) next++;
    const from = next;
    while (next < tokens.length && tokens[next].end <= span.end) next++;
    sentences.push({ span, from, to: next });
  }
  return { sentences, tokens, lower };
}

/**
 * The sentences holding a match of `trigger` (a global regex run over the prose) that `accept` takes, each once and in
 * order, with their words. Most prose holds no trigger, so only the few sentences around matches are cut into words.
 * They are yielded one at a time: each sentence's words are garbage once the caller has read them, so on a
 * document of thousands of matching sentences they die young instead of all being promoted together.
 */
export function* sentencesMatching(prose: string, trigger: RegExp, accept?: (at: number, span: Span) => boolean): Generator<SentenceWords> {
  const cursor = new SentenceCursor(prose);
  trigger.lastIndex = 0;
  for (let m = trigger.exec(prose); m; m = trigger.exec(prose)) {
    const span = cursor.sentenceAt(m.index);
    if (!span || (accept && !accept(m.index, span))) continue;
    // The rest of this sentence is read already. Set again after the caller's turn, which may run the same regex.
    const resume = Math.max(trigger.lastIndex, span.end);
    const tokens = wordsIn(prose, span);
    yield { span, tokens, lower: lowerWords(prose, span, tokens) };
    trigger.lastIndex = resume;
  }
}

/** `tokens.map(lowerWord)`, lowering the sentence once when that keeps its offsets (it nearly always does). */
function lowerWords(prose: string, span: Span, tokens: Token[]): string[] {
  const lower = prose.slice(span.start, span.end).toLowerCase();
  if (lower.length !== span.end - span.start) return tokens.map(lowerWord);
  const curly = lower.includes('’');
  return tokens.map((t) => {
    const word = lower.slice(t.start - span.start, t.end - span.start);
    return curly ? word.replace(/’/g, "'") : word;
  });
}

function lowerWord(token: Token): string {
  const lower = token.text.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/**
 * Splits masked prose into sentence spans. Paragraph lines are joined (postmortems are often hard-wrapped), while
 * headings, list items, table cells and blank (or fully masked) lines always end a sentence. One pass; offsets
 * are the document's.
 */
export function splitSentences(prose: string): Span[] {
  const cursor = new SentenceCursor(prose);
  const spans: Span[] = [];
  while (cursor.scanLine(spans));
  return spans;
}

/**
 * Finds the sentence around offsets asked for in increasing order, scanning each line at most once. A blank line
 * or a heading, list or table line always starts afresh, so the scan can jump to the last such line before an
 * offset instead of reading every line from the top.
 */
export class SentenceCursor {
  /** Start of the next line to scan. */
  private lineStart = 0;
  /** Start of the sentence being read, or -1. */
  private start = -1;
  /** Sentences closed by the scan and not yet passed. */
  private readonly queue: Span[] = [];
  private head = 0;

  constructor(private readonly prose: string) {}

  /** The sentence holding offset `at`, if any; `at` must not be smaller than an offset asked before. */
  sentenceAt(at: number): Span | undefined {
    if (this.lineStart <= at) this.jumpTowards(at);
    for (;;) {
      while (this.head < this.queue.length && this.queue[this.head].end <= at) this.head++;
      if (this.head < this.queue.length) {
        const span = this.queue[this.head];
        return span.start <= at ? span : undefined;
      }
      if (this.lineStart > at && (this.start < 0 || this.start > at)) return undefined;
      if (!this.scanLine(this.queue)) return undefined;
    }
  }

  /**
   * Moves the scan to the last line at or before `at`'s line that starts afresh, if there is one past the scan. The
   * sentence open or queued then ends before that line, so before `at`: it is dropped.
   */
  private jumpTowards(at: number): void {
    const { prose } = this;
    let line = at > 0 ? prose.lastIndexOf('\n', at - 1) + 1 : 0;
    while (line > this.lineStart) {
      if (this.startsAfresh(line)) {
        this.lineStart = line;
        this.start = -1;
        this.queue.length = 0;
        this.head = 0;
        return;
      }
      line = line >= 2 ? prose.lastIndexOf('\n', line - 2) + 1 : 0;
    }
  }

  /** Whether the line starting at `line` is blank, masked, or a heading, list item or table row. */
  private startsAfresh(line: number): boolean {
    const { prose } = this;
    let lineEnd = prose.indexOf('\n', line);
    if (lineEnd < 0) lineEnd = prose.length;
    const contentEnd = prose.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let i = line;
    while (i < contentEnd && isSpace(prose.charCodeAt(i))) i++;
    return i >= contentEnd || blockMarker(prose, i, contentEnd) >= 0;
  }

  /** Scans the next line, adding the sentences it closes to `spans`; false when the prose is done. */
  scanLine(spans: Span[]): boolean {
    const { prose } = this;
    const lineStart = this.lineStart;
    if (lineStart > prose.length) return false;
    let lineEnd = prose.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = prose.length;
    const contentEnd = prose.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let i = lineStart;
    while (i < contentEnd && isSpace(prose.charCodeAt(i))) i++;
    const marker = i < contentEnd ? blockMarker(prose, i, contentEnd) : -1;
    if ((i >= contentEnd || marker >= 0) && this.start >= 0) this.close(lineStart, spans);
    if (marker >= 0) i = marker;
    for (; i < contentEnd; i++) {
      const code = prose.charCodeAt(i);
      if (code === 124 /* | */) {
        if (this.start >= 0) this.close(i, spans);
        continue;
      }
      if (this.start < 0 && !isSpace(code)) this.start = i;
      if ((code === 46 || code === 33 || code === 63) && this.start >= 0 && (i + 1 >= contentEnd || isSpace(prose.charCodeAt(i + 1))) && !isAbbreviation(prose, i)) {
        this.close(i + 1, spans);
      }
    }
    this.lineStart = lineEnd + 1;
    if (this.lineStart > prose.length && this.start >= 0) this.close(prose.length, spans);
    return true;
  }

  private close(end: number, spans: Span[]): void {
    const { prose, start } = this;
    let e = end;
    while (e > start && isSpace(prose.charCodeAt(e - 1))) e--;
    if (e > start) spans.push({ start, end: e });
    this.start = -1;
  }
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
