import type { Span } from './lineIndex';
import { findPlaceholders, placeholdersIn, type Placeholder } from './placeholders';
import { canonicalIndex, kindOfHeading } from './sectionKinds';
import type { PostmortemDocument, Section, SectionKind } from './types';

/** Where a document shows that it covers a kind of section. */
export type KindEvidence = 'section' | 'field' | 'whyChain' | 'leadParagraph' | 'causeStatement';

/** A sentence that states the cause outright: "The root cause was…", "…was caused by…". */
const CAUSE_STATEMENT = /\broot[- ]causes? (?:was|were|is|are|of)\b|\b(?:was|were|is|are) (?:caused|triggered) by\b/i;

/** Lead prose shorter than this is a byline or a date, not a summary. */
const MIN_LEAD_SUMMARY = 80;

/** `**Impact**`, `- **Review actions**:`, `**Root Cause:** text`: a bold label opening a line. */
const BOLD_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_\n]{2,60}?):?(?:\*\*|__):?(.*)$/;

/**
 * The kinds of section a document covers, with how. Headings count at any level; bold-label fields count
 * when they have a value or content right below them (MoJ writes `- **Impact**:` with a nested list); the
 * lead paragraph of a blog-style postmortem counts as its summary; a chain of "Why…?" items as 5 whys.
 */
export function coveredKinds(doc: PostmortemDocument, acceptFields = true, wanted?: readonly SectionKind[]): Map<SectionKind, KindEvidence> {
  const covered = new Map<SectionKind, KindEvidence>();
  // With `wanted`, the search stops once every wanted kind is covered: the field scan below is the costly
  // part, and most postmortems cover what they need with headings alone.
  const done = () => wanted !== undefined && wanted.every((kind) => isKindCovered(kind, covered));
  const needs = (kind: SectionKind) => !covered.has(kind) && (wanted === undefined || wanted.includes(kind));
  for (const section of doc.sections) if (!covered.has(section.kind)) covered.set(section.kind, 'section');
  if ((doc.fiveWhys?.whys.length ?? 0) > 0 && !covered.has('fiveWhys')) covered.set('fiveWhys', 'whyChain');
  if (acceptFields && !done()) {
    // Found only when a bold label names a kind: most documents have none, and the scan is the costly part.
    let placeholders: readonly Placeholder[] | undefined;
    const lazy = () => (placeholders ??= findPlaceholders(doc));
    for (const line of linesWithBold(doc)) {
      const kind = labelKind(doc, line, lazy);
      if (kind && !covered.has(kind)) {
        covered.set(kind, 'field');
        if (done()) return covered;
      }
    }
    if (needs('summary') && hasLeadSummary(doc)) covered.set('summary', 'leadParagraph');
    if (needs('rootCause') && statesCause(doc)) covered.set('rootCause', 'causeStatement');
  }
  return covered;
}

/** Whether a required kind is covered, counting the kinds that stand in for it. */
export function isKindCovered(kind: SectionKind, covered: Map<SectionKind, KindEvidence>): boolean {
  if (covered.has(kind)) return true;
  // Contributing factors (DFDS) and a 5-whys chain are root-cause analyses in their own right.
  if (kind === 'rootCause') return covered.has('contributingFactors') || covered.has('fiveWhys');
  return false;
}

/** The lines whose prose holds `**` or `__`, in order: the only lines a bold label can be on. */
function linesWithBold(doc: PostmortemDocument): number[] {
  const { prose, lines } = doc;
  const found: number[] = [];
  let line = 0;
  let star = prose.indexOf('**');
  let under = prose.indexOf('__');
  while (star >= 0 || under >= 0) {
    const at = star < 0 ? under : under < 0 ? star : Math.min(star, under);
    while (lines.lineEnds[line] < at) line++;
    found.push(line);
    const next = lines.lineEnds[line] + 1;
    if (star >= 0 && star < next) star = prose.indexOf('**', next);
    if (under >= 0 && under < next) under = prose.indexOf('__', next);
  }
  return found;
}

function labelKind(doc: PostmortemDocument, line: number, placeholdersOf: () => readonly Placeholder[]): SectionKind | undefined {
  const start = doc.lines.lineStarts[line];
  const prose = doc.prose.slice(start, doc.lines.lineEnds[line]);
  const m = BOLD_LABEL.exec(prose);
  if (!m) return undefined;
  const kind = kindOfHeading(m[1]);
  if (kind === 'other') return undefined;
  const placeholders = placeholdersOf();
  const valueStart = start + prose.length - m[2].length;
  if (hasText(doc, { start: valueStart, end: doc.lines.lineEnds[line] }, placeholders)) return kind;
  // An empty label counts when something other than another label or a heading follows it.
  for (let next = line + 1; next < Math.min(doc.lines.lineCount, line + 4); next++) {
    const text = doc.prose.slice(doc.lines.lineStarts[next], doc.lines.lineEnds[next]);
    if (!text.trim()) continue;
    if (/^\s*#/.test(text) || (BOLD_LABEL.test(text) && !/^\s/.test(text))) return undefined;
    return hasText(doc, doc.lines.lineSpan(next), placeholders) ? kind : undefined;
  }
  return undefined;
}

/** Whether a span holds letters or digits once placeholders and list markers are taken out. */
export function hasText(doc: PostmortemDocument, span: Span, placeholders: readonly Placeholder[]): boolean {
  let text = doc.prose.slice(span.start, span.end);
  for (const p of placeholdersIn(placeholders, span)) {
    const from = Math.max(p.span.start, span.start) - span.start;
    const to = Math.min(p.span.end, span.end) - span.start;
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return /[\p{L}\p{N}]/u.test(text.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s*)?/i, ''));
}

/** Whether the summary (or the lead prose) says what caused the incident. */
function statesCause(doc: PostmortemDocument): boolean {
  const summaries = doc.sections.filter((s) => s.kind === 'summary');
  if (summaries.some((s) => mayStateCause(doc.prose.slice(s.span.start, s.span.end)))) return true;
  const { from, to } = leadSpan(doc);
  return to > from && mayStateCause(doc.prose.slice(from, to));
}

/** CAUSE_STATEMENT, tried only when the text has "caus" or "trigger" in it (its ASCII-only /i cannot match otherwise). */
function mayStateCause(text: string): boolean {
  const lower = text.toLowerCase();
  return (lower.includes('caus') || lower.includes('trigger')) && CAUSE_STATEMENT.test(text);
}

/** The prose between the title (or front matter) and the first section. */
function leadSpan(doc: PostmortemDocument): { from: number; to: number } {
  const first = doc.sections.find((s) => s.heading !== doc.title);
  const from = doc.title ? doc.title.span.end : doc.frontMatter?.span.end ?? 0;
  return { from, to: first ? first.span.start : doc.text.length };
}

/** Whether the prose between the title and the first section reads as a summary. */
function hasLeadSummary(doc: PostmortemDocument): boolean {
  const { from, to } = leadSpan(doc);
  // The words are the lead with line breaks and runs of blanks made single spaces: never longer than the lead.
  if (to - from < MIN_LEAD_SUMMARY) return false;
  const words = doc.prose
    .slice(from, to)
    .split(/\r?\n|\r/)
    .filter((line) => !BOLD_LABEL.test(line) && !/^\s*\w[\w /()-]{0,30}:\s/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.length >= MIN_LEAD_SUMMARY && /[.!?]/.test(words);
}

/** The heading level of the document's main sections: the most common level of known sections below the title. */
export function mainSectionLevel(doc: PostmortemDocument): number {
  const counts = new Map<number, number>();
  for (const s of doc.sections) {
    if (s.heading === doc.title || s.kind === 'other' || (s.parent && s.parent.heading !== doc.title)) continue;
    counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  }
  let best = doc.title ? Math.min(6, doc.title.level + 1) : 2;
  let bestCount = 0;
  for (const [level, count] of counts) if (count > bestCount || (count === bestCount && level < best)) [best, bestCount] = [level, count];
  return best;
}

/** Where a new section of `kind` goes: after the main section latest in canonical order before it. */
export function insertionPoint(doc: PostmortemDocument, kind: SectionKind, level: number): { offset: number; before: boolean } {
  const target = canonicalIndex(kind);
  const main = doc.sections.filter((s) => s.level === level && s.heading !== doc.title);
  let anchor: Section | undefined;
  let anchorIndex = -1;
  for (const s of main) {
    const index = canonicalIndex(s.kind);
    if (index >= 0 && index < target && index >= anchorIndex) [anchor, anchorIndex] = [s, index];
  }
  if (anchor) return { offset: anchor.span.end, before: false };
  const first = main[0] ?? doc.sections.find((s) => s.heading !== doc.title);
  if (first) return { offset: first.span.start, before: true };
  let end = doc.text.length;
  while (end > 0 && /\s/.test(doc.text[end - 1])) end--;
  return { offset: end, before: false };
}
