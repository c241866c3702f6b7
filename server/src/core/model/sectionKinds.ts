import type { SectionKind } from './types';
import { trimEndChars } from './trimChars';

/**
 * Heading words that name each kind of section, tried in order. Real postmortems use many house styles
 * ("Contributing Factors" for root cause at DFDS, "Lessons learnt" at mybinder, questions at PostHog),
 * so each kind lists the phrasings seen in published postmortems.
 */
const KIND_PATTERNS: [SectionKind, RegExp][] = [
  ['fiveWhys', /\b(?:5|five)[- ]?whys?\b/],
  ['whatWentWell', /\bwent (?:well|right)\b|\bwhat worked\b|\bwhat we did well\b/],
  ['whatWentWrong', /\bwent (?:wrong|poorly|badly)\b|\bdid ?n[o']?t (?:work|go well)\b|\bcould have gone better\b|\bwhat we can improve\b/],
  ['whereWeGotLucky', /\blucky\b/],
  ['actionItems', /\baction items?\b|\b(?:immediate|short[- ]term|long[- ]term|medium[- ]term|review|preventive|corrective) actions?\b|\bfollow[- ]?ups?\b|\bremediation\b|\bcorrective\b|\bpreventi(?:ve|on)\b|\bnext steps\b|\bfuture measures\b|\bimprovements?\b|\bhow (?:are|will) we prevent|\bprevent(?:ing)? (?:it|this|recurrence)\b|\btodo\b|\btasks?\b/],
  ['contributingFactors', /\bcontributing\b|\bfactors\b/],
  ['rootCause', /\broot[- ]?causes?\b|\bcauses?\b|\bfault\b|\bwhy did (?:it|this) happen\b|\bhow did (?:it|this) happen\b|\btrigger\b|\banalysis\b/],
  ['timeline', /\btimeline\b|\bchronolog|\bsequence of events\b|^events$|\bkey events\b/],
  ['impact', /\bimpact\b/],
  ['detection', /\bdetection\b|\bhow (?:it )?was (?:it )?detected\b|\bdiscovery\b/],
  ['resolution', /\bresolution\b|\brecovery\b|\bmitigation\b|\bactions? taken\b|\bresolved\b|\bfix\b/],
  ['lessonsLearned', /\blessons?\b|\binsights?\b|\btakeaways?\b|\blearnings?\b|\bretrospective\b/],
  ['summary', /\bsummary\b|\boverview\b|\btl;?dr\b|\bwhat happened\b|\bdescription\b|\bbackground\b|\bintroduction\b|\bincident details\b/],
  ['references', /\breferences?\b|\blinks?\b|\bsupporting information\b|\brelated\b/],
  ['signOff', /\bsign[- ]?off\b|\bapprovals?\b|\breviewed by\b|\breview(?:ers)?\b/],
  ['participants', /\battendees\b|\batendees\b|\bparticipants\b|\bresponders\b|\bauthors?\b|\bincident lead\b/],
  ['appendix', /\bappend|\bapendix\b|\blogs?\b|\bq ?& ?a\b|\bfaq\b/],
];

/** A heading that is only a time or a date, as in timelines written one heading per event. */
const TIMESTAMP_HEADING = /^(?:~?\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/;

/** What is known about one heading's text: its normal form at once, its kind and timestamp shape when first asked. */
interface HeadingFacts {
  normalized: string;
  kind?: SectionKind;
  timestamp?: boolean;
}

/** Entries in one generation of the memo: enough for the headings of many open documents. */
const MAX_MEMO = 2000;

/**
 * Facts per heading text, remembered in two generations: when the young one is full it becomes the old one and a
 * fresh young one starts; an old entry asked for again moves back to the young one. Headings every document has
 * ("Summary", "Timeline") so stay remembered while one-off headings (one per timeline event) pass through: a single
 * memo cleared when full forgot them all, and one map per question (text, kind, timestamp) meant two look-ups per call.
 */
let young = new Map<string, HeadingFacts>();
let old = new Map<string, HeadingFacts>();
/** The text asked about last and its facts: the parser and the rules ask several questions about a heading in a row. */
let lastText: string | undefined;
let lastFacts: HeadingFacts | undefined;

function factsOf(text: string): HeadingFacts {
  if (text === lastText && lastFacts) return lastFacts;
  let facts = young.get(text);
  if (!facts) {
    facts = old.get(text) ?? { normalized: normalizeUncached(text) };
    if (young.size >= MAX_MEMO) {
      old = young;
      young = new Map();
    }
    young.set(text, facts);
  }
  lastText = text;
  lastFacts = facts;
  return facts;
}

/** Lower-cases a heading and strips numbering, emoji, markup and trailing punctuation. */
export function normalizeHeading(text: string): string {
  return factsOf(text).normalized;
}

function normalizeUncached(text: string): string {
  // Each step runs only when the text holds what it removes: most headings are plain words ("Root cause").
  let words = text.toLowerCase();
  if (/[*_`~]/.test(words)) words = words.replace(/[*_`~]/g, '');
  if (words.includes('](')) words = words.replace(/\[([^\][]*)\]\([^)[]*\)/g, '$1');
  words = words.replace(/^[^a-z0-9]+/, '').replace(/^(?:\d+(?:\.\d+)*[.)]|\d+\.\d+|[ivx]+[.)])\s+/, '');
  words = trimEndChars(words, ':?.!');
  // Only runs of white space, or white space other than a space, are collapsed: single spaces stay as they are.
  if (/\s\s|[^\S ]/.test(words)) words = words.replace(/\s+/g, ' ');
  return words.trim();
}

/** Whether a heading is a timestamp (an event in a heading-per-event timeline). */
export function isTimestampHeading(text: string): boolean {
  const facts = factsOf(text);
  return (facts.timestamp ??= TIMESTAMP_HEADING.test(facts.normalized.replace(/^~/, '')));
}

/** The kind a heading names by its own words, or 'other'. */
export function kindOfHeading(text: string): SectionKind {
  // A time or a date (one heading per timeline event) names no kind; it is told apart without the memo.
  if (isLetterlessAscii(text)) return 'other';
  const facts = factsOf(text);
  return (facts.kind ??= kindOfWords(facts.normalized));
}

function kindOfWords(words: string): SectionKind {
  // Every pattern names a word: a heading with no letter (a time or a date, one per timeline event) names none.
  if (!hasAsciiLetter(words)) return 'other';
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(words)) return kind;
  return 'other';
}

/**
 * Whether text is ASCII without letters: its normal form then holds no letter either, so kindOfWords finds no kind.
 * (Lower-casing may turn other characters into ASCII letters: the Kelvin sign gives `k`.)
 */
function isLetterlessAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

/** Whether lower-cased text holds a letter a-z. */
function hasAsciiLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** Kinds that are never a phase of a timeline. */
const ANALYSIS_KINDS: SectionKind[] = ['rootCause', 'contributingFactors', 'fiveWhys', 'actionItems', 'lessonsLearned', 'whatWentWell', 'whatWentWrong', 'whereWeGotLucky'];

/** Kinds a subsection may take inside a parent of the given kind; anything else inherits the parent's kind. */
const CHILD_KINDS: Partial<Record<SectionKind, SectionKind[]>> = {
  rootCause: ['fiveWhys', 'contributingFactors'],
  lessonsLearned: ['whatWentWell', 'whatWentWrong', 'whereWeGotLucky', 'actionItems'],
  summary: ['impact', 'rootCause', 'resolution', 'detection', 'timeline'],
  other: [],
};

/** The kind of a subsection, given its parent's kind. */
export function kindInParent(text: string, parent: SectionKind): SectionKind {
  if (parent === 'actionItems' || parent === 'fiveWhys') return parent;
  const own = kindOfHeading(text);
  // Sub-headings of a timeline are days, times or phases; only an analysis heading nested there by mistake
  // (MoJ puts "### Causes" under "## Timeline") keeps its own kind.
  if (parent === 'timeline') return ANALYSIS_KINDS.includes(own) && !isTimestampHeading(text) ? own : parent;
  const allowed = CHILD_KINDS[parent];
  if (parent === 'other' || parent === 'appendix') return own;
  if (own !== 'other' && (!allowed || allowed.includes(own))) return own;
  return parent;
}

/** Canonical headings in their usual order: what a fix inserts, and where. */
export const CANONICAL_SECTIONS: { kind: SectionKind; title: string; skeleton: string }[] = [
  // Every gap says TODO: an empty "- " under a line of text would turn that line into a Setext heading.
  { kind: 'summary', title: 'Executive Summary', skeleton: '**What happened:** TODO\n\n**Impact:** TODO\n\n**Root Cause:** TODO\n\n**Resolution:** TODO' },
  { kind: 'impact', title: 'Impact', skeleton: '- Downtime: TODO\n- Affected users: TODO' },
  { kind: 'timeline', title: 'Timeline', skeleton: '| Time (UTC) | Event | Action |\n| --- | --- | --- |\n| HH:mm | TODO | |' },
  { kind: 'rootCause', title: 'Root Cause Analysis', skeleton: '### 5 Whys\n\n1. **Why did the service fail?**\n   - TODO\n\n**Root Cause:** TODO' },
  { kind: 'fiveWhys', title: '5 Whys', skeleton: '1. **Why did the service fail?**\n   - TODO\n2. **Why did that happen?**\n   - TODO\n3. **Why did that happen?**\n   - TODO' },
  { kind: 'contributingFactors', title: 'Contributing Factors', skeleton: '- TODO' },
  { kind: 'resolution', title: 'Resolution', skeleton: 'TODO: what was done to restore service.' },
  { kind: 'detection', title: 'Detection', skeleton: 'TODO: how the incident was detected.' },
  { kind: 'whatWentWell', title: 'What Went Well', skeleton: '- TODO' },
  { kind: 'whatWentWrong', title: 'What Went Wrong', skeleton: '- TODO' },
  { kind: 'whereWeGotLucky', title: 'Where We Got Lucky', skeleton: '- TODO' },
  { kind: 'actionItems', title: 'Action Items', skeleton: '| # | Action Item | Owner | Deadline | Status |\n| --- | --- | --- | --- | --- |\n| 1 | TODO | | YYYY-MM-DD | 📅 Planned |' },
  { kind: 'lessonsLearned', title: 'Lessons Learned', skeleton: '1. TODO' },
  { kind: 'references', title: 'References', skeleton: '- TODO' },
  { kind: 'signOff', title: 'Sign-off', skeleton: '**Reviewed by:**\n\n- [ ] Tech Lead' },
];

/** Position of a kind in the canonical order; -1 for kinds that have no canonical place. */
export function canonicalIndex(kind: SectionKind): number {
  return CANONICAL_SECTIONS.findIndex((s) => s.kind === kind);
}

/**
 * The canonical section of a kind written at a heading level: heading, blank line, skeleton. Skeletons are
 * written for level 2, so their own sub-headings move with the level; line breaks use `eol`.
 */
export function sectionSkeleton(kind: SectionKind, level: number, eol: string): string | undefined {
  const key = `${kind} ${level} ${eol}`;
  if (!skeletons.has(key)) skeletons.set(key, buildSkeleton(kind, level, eol));
  return skeletons.get(key);
}

/** Skeletons already written: a handful of kinds, levels and line endings. */
const skeletons = new Map<string, string | undefined>();

function buildSkeleton(kind: SectionKind, level: number, eol: string): string | undefined {
  const canonical = CANONICAL_SECTIONS.find((s) => s.kind === kind);
  if (!canonical) return undefined;
  const body = canonical.skeleton.replace(/^(#{2,6}) /gm, (_, hashes: string) => `${'#'.repeat(Math.min(6, level + hashes.length - 2))} `);
  return `${'#'.repeat(Math.max(1, Math.min(6, level)))} ${canonical.title}\n\n${body}`.replace(/\n/g, eol);
}
