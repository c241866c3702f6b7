import type { Span } from './lineIndex';
import type { PostmortemDocument, Section } from './types';
import { isLineTerminator, isRegexSpace } from './whitespace';

/** What the executive summary says, measured for readers who are not engineers. */
export interface SummaryFacts {
  section: Section;
  /** Words a reader reads: prose words plus one per code span. */
  words: number;
  /** Inline code spans and fenced code blocks. */
  codeSpans: Span[];
  codeBlocks: Span[];
  /** Lines of a stack trace or panic. */
  stackTraces: Span[];
  /** IPv4 addresses and machine host names (`ip-10-0-1-7.ec2.internal`, `db-primary-01.prod.example.com`). */
  hosts: Span[];
  /** Where the summary states the impact, if it does. */
  impact?: Span;
}

const SUMMARY_WORDS = /\bsummary\b|\boverview\b|\btl;?dr\b|\bexecutive\b/i;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
/**
 * A line of a stack trace. The indent before `at`, `File` or `goroutine` is read from the last line start before it
 * (`^\s+` crossed line breaks, so every line start of a long blank run rescanned the run): blanks other than line
 * breaks, and for `at` at most one line break, last, as `\s+` allowed.
 */
export const STACK_LINE =
  /^(?:[^\S\n\r\u2028\u2029]+|[^\S\n\r\u2028\u2029]*[\n\r\u2028\u2029])at [\w$<>]+(?:\.[\w$<>]+)+\s?\(.*\)|Traceback \(most recent call last\)|\bException in thread\b|\bpanicked at\b|^[^\S\n\r\u2028\u2029]*File "[^"]+", line \d+|^[^\S\n\r\u2028\u2029]*goroutine \d+ \[/m;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\d|\.\d)/g;
/** A dotted name of three or more labels with a digit in a label, or an internal suffix: a machine, not a product. */
const HOST = /(?<![\w.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){2,}(?![\w-])/gi;
const INTERNAL_SUFFIX = /\.(?:internal|local|lan|corp|svc|cluster\.local|compute|intra)$/i;
/** Words and figures that tell a reader who or what was hurt, and how much. */
const IMPACT =
  /\b(?:users?|customers?|clients?|visitors?|traffic|requests?|outages?|down(?:time)?|unavailable|unreachable|inaccessible|offline|degraded|degradation|errors?|fail(?:ed|ing|ures?|s)?|broken|break(?:s|ing)?|impact(?:ed|s)?|affect(?:ed|ing|s)?|disrupt(?:ed|ion|ions)?|slow(?:er|ness|ed)?|latency|timeouts?|timed out|lost|loss|revenue|SLA|SLO|could ?n[o']t|unable|delay(?:ed|s)?|stall(?:ed|s)?|interrupt(?:ed|ion)|leak(?:ed|s)?|expos(?:ed|ure)|compromised?|vulnerab(?:le|ility)|crash(?:ed|es|ing)?|exhaust(?:ed|ion)|panic(?:s|ked)?|misbehav\w*|unresponsive|stuck|blocked|(?:not|stopped) (?:working|finishing|responding|loading))\b|(?<!\d)\d+(?:[.,]\d+)?\s?(?:%|percent|[km]\b|minutes?|mins?|hours?|hrs?|days?|seconds?|teams?|people|services?|sites?|projects?|accounts?|packages?|crates?|builds?|jobs?|pods?|nodes?)/i;

/** The executive summary: the first top-level summary section whose heading says summary, overview or TL;DR. */
export function executiveSummary(doc: PostmortemDocument): Section | undefined {
  const top = doc.sections.filter((s) => s.kind === 'summary' && s.heading !== doc.title && (!s.parent || (s.parent.level === 1 && s.parent.heading === doc.title)));
  // "Background" or "Description" sections are context, not the summary a manager reads.
  return top.find((s) => SUMMARY_WORDS.test(s.heading.text));
}

/** Measures the executive summary, or undefined when there is none. */
export function readSummary(doc: PostmortemDocument): SummaryFacts | undefined {
  const section = executiveSummary(doc);
  if (!section) return undefined;
  const facts: SummaryFacts = { section, words: 0, codeSpans: [], codeBlocks: [], stackTraces: [], hosts: [] };
  // Subsections of another kind (a Timeline or Root Cause nested under the summary) are not the summary.
  const parts = summaryParts(section);
  for (const part of parts) measure(doc, part, facts);
  if (!facts.impact) {
    const child = section.children.find((c) => c.kind === 'impact');
    if (child) facts.impact = child.heading.span;
  }
  if (!facts.impact) {
    const field = doc.fields.find((f) => /impact/.test(f.key) && f.labelSpan.start >= section.span.start && f.labelSpan.start < section.span.end);
    if (field) facts.impact = field.labelSpan;
  }
  return facts;
}

function summaryParts(section: Section): Span[] {
  const parts: Span[] = [];
  let from = section.heading.span.end;
  for (const child of section.children) {
    if (child.kind === 'summary') continue;
    parts.push({ start: from, end: child.span.start });
    from = child.span.end;
  }
  parts.push({ start: from, end: section.span.end });
  return parts.filter((p) => p.end > p.start);
}

function measure(doc: PostmortemDocument, part: Span, facts: SummaryFacts): void {
  const text = doc.text.slice(part.start, part.end);
  const prose = doc.prose.slice(part.start, part.end);
  facts.words += countWords(prose);
  // Fences, code spans and stack traces each need something most summaries lack: look for that first.
  const fences = text.includes('```') || text.includes('~~~');
  const ticks = text.includes('`');
  const stacks = mayHoldStackTrace(text) && STACK_LINE.test(text);
  let fenceStart = -1;
  for (let offset = 0; (fences || ticks || stacks) && offset < text.length; ) {
    const lineEnd = text.indexOf('\n', offset) + 1 || text.length;
    const line = text.slice(offset, lineEnd);
    const fence = fences ? FENCE.exec(line) : null;
    if (fence && fenceStart < 0) fenceStart = offset;
    else if (fence) {
      facts.codeBlocks.push({ start: part.start + fenceStart, end: part.start + offset + line.trimEnd().length });
      fenceStart = -1;
    } else if (fenceStart < 0 && ticks) {
      codeSpansOf(text, prose, offset, lineEnd, part.start, facts);
    }
    if (stacks && STACK_LINE.test(line)) facts.stackTraces.push({ start: part.start + offset, end: part.start + offset + line.trimEnd().length });
    offset = lineEnd;
  }
  if (mayHoldIpv4(prose)) {
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(prose); m; m = IPV4.exec(prose)) facts.hosts.push({ start: part.start + m.index, end: part.start + m.index + m[0].length });
  }
  for (const m of mayHoldHost(prose) ? prose.matchAll(HOST) : []) {
    const labels = m[0].split('.');
    // `1.323.0` is a version: a host ends in a name (`.internal`, `.com`).
    if (!/^[a-z]{2,}$/i.test(labels[labels.length - 1])) continue;
    if (/\d/.test(labels.slice(0, -1).join('.')) || INTERNAL_SUFFIX.test(m[0])) {
      facts.hosts.push({ start: part.start + m.index, end: part.start + m.index + m[0].length });
    }
  }
  if (!facts.impact) {
    const m = IMPACT.exec(prose);
    if (m) facts.impact = { start: part.start + m.index, end: part.start + m.index + m[0].length };
  }
}

/** Fixed text of which every STACK_LINE match holds one, besides its first alternative's indented `at `. */
const STACK_LITERALS = ['Traceback (most recent call last)', 'Exception in thread', 'panicked at', 'File "', 'goroutine '];

/**
 * Whether STACK_LINE can match: most summaries hold none of its literals, and a regex with six alternatives, three of
 * them anchored at line starts, tries all six at every offset. `^\s+at …\(…\)` needs an `at ` with whitespace before
 * it running back to a line start (a line terminator with whitespace after it, or the start of the text), and a `(`.
 */
export function mayHoldStackTrace(text: string): boolean {
  if (STACK_LITERALS.some((literal) => text.includes(literal))) return true;
  if (!text.includes('(')) return false;
  for (let at = text.indexOf('at '); at >= 0; at = text.indexOf('at ', at + 1)) {
    let before = at - 1;
    while (before >= 0 && isRegexSpace(text.charCodeAt(before))) {
      if (before < at - 1 && isLineTerminator(text.charCodeAt(before))) return true;
      before--;
    }
    if (before < 0 && at > 0) return true;
  }
  return false;
}

/** Whether three dots sit between digits somewhere, as they must in any IPV4 match. */
function mayHoldIpv4(prose: string): boolean {
  return hasInnerDots(prose, isDigit, 3);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether two dots sit between label characters somewhere, as they must in any HOST match. */
function mayHoldHost(prose: string): boolean {
  return hasInnerDots(prose, isLabelChar, 2);
}

/** Whether at least `needed` dots in the text have a character of the class on both sides. */
function hasInnerDots(prose: string, isPart: (c: number) => boolean, needed: number): boolean {
  let inner = 0;
  for (let dot = prose.indexOf('.'); dot >= 0; dot = prose.indexOf('.', dot + 1)) {
    if (isPart(prose.charCodeAt(dot - 1)) && isPart(prose.charCodeAt(dot + 1)) && ++inner >= needed) return true;
  }
  return false;
}

function isLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * How many words a reader reads: the matches of /[\p{L}\p{N}][\p{L}\p{N}'’.-]*\/gu, counted without building them.
 * Each maximal run of letters, digits and `'’.-` that holds a letter or digit is one match.
 */
function countWords(text: string): number {
  let count = 0;
  let inRun = false;
  let hasWordChar = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let wordChar: boolean;
    let joiner: boolean;
    if (c < 128) {
      wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      joiner = c === 39 || c === 45 || c === 46;
    } else {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      wordChar = isLetterOrDigit(cp);
      joiner = cp === 0x2019;
    }
    if (wordChar || joiner) {
      if (!inRun) hasWordChar = false;
      inRun = true;
      if (wordChar) hasWordChar = true;
    } else {
      if (inRun && hasWordChar) count++;
      inRun = false;
    }
  }
  return inRun && hasWordChar ? count + 1 : count;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const letterOrDigit = new Map<number, boolean>();

/** `\p{L}` or `\p{N}` for a code point beyond ASCII, remembered (a text uses few such characters). */
function isLetterOrDigit(cp: number): boolean {
  let known = letterOrDigit.get(cp);
  if (known === undefined) {
    if (letterOrDigit.size > 5000) letterOrDigit.clear();
    letterOrDigit.set(cp, (known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  }
  return known;
}

/** Inline code is what the prose blanked out of the text from a backtick on; each run of blanks may hold several. */
function codeSpansOf(text: string, prose: string, from: number, to: number, base: number, facts: SummaryFacts): void {
  for (let i = from; i < to; i++) {
    if (text[i] !== '`' || prose[i] !== ' ') continue;
    let end = i;
    while (end < to && prose[end] === ' ' && text[end] !== '\n' && text[end] !== '\r') end++;
    let at = i;
    while (at < end) {
      if (text[at] !== '`') {
        at++;
        continue;
      }
      let run = 1;
      while (text[at + run] === '`') run++;
      const rel = text.slice(at + run, end).indexOf('`'.repeat(run));
      if (rel < 0) break;
      const close = at + run + rel;
      facts.codeSpans.push({ start: base + at, end: base + close + run });
      facts.words++;
      at = close + run;
    }
    i = end;
  }
}

