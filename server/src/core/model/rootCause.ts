import type { Located, PostmortemDocument, Section } from './types';

const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;
const WHY = /^(?:\*\*|__)?\s*why\b/i;
/** A statement says something: at least this many words. */
const MIN_WORDS = 3;

/** Root-cause sections that are not nested in another root-cause section. */
export function rootCauseSections(doc: PostmortemDocument): Section[] {
  return doc.sections.filter((s) => s.kind === 'rootCause' && s.parent?.kind !== 'rootCause');
}

/**
 * The root-cause statement: the model's (a Root Cause field, the first line of the section, front matter), else the
 * first line of prose anywhere in a root-cause section, its subsections included ("## Root causes" often opens
 * straight into "### Primary issue: ..."). Lines that only draw a rule or ask a why-question do not count.
 */
export function rootCauseStatement(doc: PostmortemDocument): Located | undefined {
  if (doc.rootCause && saysSomething(doc.rootCause.value)) return doc.rootCause;
  for (const section of rootCauseSections(doc)) {
    const first = firstStatementOf(doc, section);
    if (first) return first;
  }
  return undefined;
}

/** Every place that states the root cause: Root Cause fields, the statement, and each root-cause section's opening. */
export function rootCauseClaims(doc: PostmortemDocument): Located[] {
  const claims: Located[] = doc.fields.filter((f) => f.key === 'root cause' && f.value).map((f) => ({ value: f.value, span: f.valueSpan }));
  const candidates = [rootCauseStatement(doc), ...rootCauseSections(doc).map((s) => firstStatementOf(doc, s))];
  for (const claim of candidates) {
    if (claim && !claims.some((c) => c.span.start === claim.span.start)) claims.push(claim);
  }
  return claims;
}

/** First statements by section: PM009 asks for the statement and then for every claim, which repeats it. */
const firstStatements = new WeakMap<Section, { first: Located | undefined }>();

function firstStatementOf(doc: PostmortemDocument, section: Section): Located | undefined {
  let known = firstStatements.get(section);
  if (!known) firstStatements.set(section, (known = { first: firstStatement(doc, section) }));
  return known.first;
}

function firstStatement(doc: PostmortemDocument, section: Section): Located | undefined {
  const headingLines = new Set(doc.headings.filter((h) => h.line > section.startLine && h.line <= section.endLine).map((h) => h.line));
  for (let line = section.startLine + 1; line <= section.endLine; line++) {
    if (headingLines.has(line)) continue;
    const raw = doc.prose.slice(doc.lines.lineStarts[line], doc.lines.lineEnds[line]);
    const text = raw.replace(LIST_MARKER, '').trim();
    if (!saysSomething(text) || WHY.test(text) || /^#{1,6}\s/.test(text)) continue;
    const start = doc.lines.lineStarts[line] + raw.indexOf(text);
    return { value: text, span: { start, end: start + text.length } };
  }
  return undefined;
}

function saysSomething(text: string): boolean {
  return (text.match(/\p{L}{2,}/gu)?.length ?? 0) >= MIN_WORDS;
}
