import type { Span } from '../model/lineIndex';
import type { Fix } from '../rules/rule';
import { isCapitalised, isHandle } from './people';
import { matchesIn, type Window } from './candidates';
import { phraseMatcher } from './phrases';
import { sentenceStartsAt, startCase } from './rewrite';

/** Accusatory wording and what a blameless text says instead. */
interface BlameEntry {
  phrases: string[];
  /** Replacements offered as suggestions; '' removes the word. */
  rewrites: string[];
  /** Words after which this is a technical term, not a judgement ("lazy loading", "sloppy quorum"). */
  technical?: string[];
  /** "any operator error is a symptom…" talks about the notion, not about someone. */
  generic?: boolean;
}

const ENTRIES: BlameEntry[] = [
  { phrases: ['your fault', 'his fault', 'her fault', 'their fault', 'my fault', "someone's fault", 'somebody’s fault', 'someone’s fault'], rewrites: ['a gap in our process', 'a systemic failure'] },
  { phrases: ['you should have', "you should've", 'you should’ve'], rewrites: ['nothing in the process required us to have', 'ideally we would have'] },
  { phrases: ["you shouldn't have", 'you shouldn’t have', 'you should not have'], rewrites: ['ideally we would not have'] },
  { phrases: ['how could you', 'how could he', 'how could she', 'how could they'], rewrites: ['what made it possible to'] },
  { phrases: ["why didn't you", 'why didn’t you', 'why did you not'], rewrites: ['why did the process not prompt us to'] },
  { phrases: ['who is to blame', "who's to blame", 'who’s to blame', 'who was to blame', 'who is responsible for this'], rewrites: ['what in the system allowed this', 'which safeguard was missing'] },
  { phrases: ['human error', 'operator error', 'pilot error'], rewrites: ['a missing safeguard', 'a gap in the tooling', 'a process gap'], generic: true },
  {
    phrases: ['careless', 'carelessly', 'negligent', 'negligently', 'sloppy', 'sloppily', 'incompetent', 'reckless', 'recklessly', 'irresponsible', 'stupid', 'clueless', 'idiotic'],
    rewrites: [''],
    technical: ['quorum'],
  },
  {
    phrases: ['lazy'],
    rewrites: [''],
    technical: (
      'load loads loading loaded loader evaluation evaluated init initialization initialisation initialized initialised ' +
      'import imports iterator sequence val value values property properties mode fetch fetching instantiation binding ' +
      'deletion expansion allocation compilation route routes module modules component components chunk chunks list ' +
      'approach strategy'
    ).split(' '),
  },
  { phrases: ['carelessness', 'negligence', 'laziness', 'sloppiness', 'incompetence', 'recklessness'], rewrites: ['a missing safeguard'] },
  { phrases: ['dropped the ball'], rewrites: ['did not follow up'] },
  { phrases: ['screwed up', 'messed up', 'botched', 'bungled'], rewrites: ['made a mistake in'] },
  { phrases: ['should have known better'], rewrites: ['did not have the information needed'] },
  { phrases: ['rookie mistake'], rewrites: ['mistake'] },
];

/** Every built-in blame phrase. */
export const BLAME_PHRASES: readonly string[] = ENTRIES.flatMap((e) => e.phrases);

const BY_PHRASE = new Map<string, BlameEntry>(ENTRIES.flatMap((e) => e.phrases.map((p) => [p.toLowerCase(), e] as [string, BlameEntry])));

/**
 * "Dave's fault", "@jsmith's fault". Tried at the apostrophe; the name (group 1) is read backwards from it by
 * the lookbehind, longest first, as a forward scan from its leftmost start would find it. Started at each
 * capital instead, the name's `[\w-]{0,40}` was rescanned from every `-X` of a long `A-A-A-…` run.
 */
const NAMED_FAULT = /['’](?<=(?<![\w@])(@?[A-Z][\w-]{0,40})['’])s\s+fault\b/g;

/** Words that negate the judgement that follows: "it was not your fault", "no human error was involved". */
const NEGATIONS = new Set(['not', 'never', 'no', 'nobody', 'none']);
const QUOTES_OPEN = '"“‘\'';
const QUOTES_CLOSE = '"”’\'';

/** Accusatory wording found in the prose. */
export interface BlameWording {
  span: Span;
  /** The phrase as written. */
  found: string;
  /** The list entry (built-in or configured) that matched. */
  phrase: string;
  /** Whether it comes from the built-in list (configured phrases get no rewrites). */
  builtIn: boolean;
  suggestions: Fix[];
}

/** Finds accusatory wording in `prose` (masked text); `text` is the document, for the rewrites. */
export function findBlameWording(prose: string, text: string, extra: readonly string[]): BlameWording[] {
  const found: BlameWording[] = [];
  const lineStartOf = lineStarts(prose);
  for (const match of phraseMatcher(BLAME_PHRASES, extra).findAll(prose)) {
    const entry = BY_PHRASE.get(match.phrase.toLowerCase());
    const span = { start: match.index, end: match.index + match.found.length };
    if (entry && (isTechnical(prose, span, entry) || isNegated(prose, span.start, entry.generic))) continue;
    if (isMention(prose, span) || isReaderQuestion(prose, lineStartOf(span.start), span.start)) continue;
    found.push({ span, found: match.found, phrase: match.phrase, builtIn: !!entry, suggestions: entry ? rewrites(text, span, match.found, entry) : [] });
  }
  for (const m of matchesIn(NAMED_FAULT, prose, faultWindows(prose))) {
    const span = { start: m.index - m[1].length, end: m.index + m[0].length };
    if (!(isHandle(m[1]) || isCapitalised(m[1])) || isNegated(prose, span.start)) continue;
    const entry = ENTRIES[0];
    const named = prose.slice(span.start, span.end);
    found.push({ span, found: named, phrase: "<name>'s fault", builtIn: true, suggestions: rewrites(text, span, named, entry) });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Whether one of the two words before `at` negates it (or, for a `generic` entry, makes it any instance). */
function isNegated(prose: string, at: number, generic = false): boolean {
  const words = prose.slice(Math.max(0, at - 30), at).trim().toLowerCase().split(/\s+/).slice(-2);
  return words.some((w) => NEGATIONS.has(w.replace(/['’]s$/, '')) || w.endsWith("n't") || w.endsWith('n’t') || (generic && w === 'any'));
}

/** `“operator error” is never a root cause`: the phrase alone in quotes is named, not used. */
function isMention(prose: string, span: Span): boolean {
  return QUOTES_OPEN.includes(prose[span.start - 1] ?? '') && QUOTES_CLOSE.includes(prose[span.end] ?? '');
}

/** A FAQ question ("Q: Why did you not test this?") quotes readers addressing the organisation. */
function isReaderQuestion(prose: string, lineStart: number, at: number): boolean {
  return /^[\s>*_#-]*(?:Q|Question)\s?[:.]/.test(prose.slice(lineStart, Math.min(at, lineStart + 40)));
}

/** Line starts for increasing offsets, found by jumping from line to line once (matches come left to right). */
function lineStarts(prose: string): (at: number) => number {
  let lineStart = 0;
  let next = prose.indexOf('\n');
  return (at) => {
    for (; next >= 0 && next < at; next = prose.indexOf('\n', next + 1)) lineStart = next + 1;
    return lineStart;
  };
}

/** Where NAMED_FAULT is tried: the apostrophe of the `'s` and the spaces before each "fault". */
function* faultWindows(prose: string): Iterable<Window> {
  for (let at = prose.indexOf('fault'); at >= 0; at = prose.indexOf('fault', at + 1)) {
    let end = at;
    while (end > 0 && /\s/.test(prose[end - 1])) end--;
    if (end < at && prose[end - 1] === 's' && "'’".includes(prose[end - 2] ?? 's')) yield [end - 2, end - 2];
  }
}

function isTechnical(prose: string, span: Span, entry: BlameEntry): boolean {
  if (!entry.technical) return false;
  // "lazy-loaded", "sloppy-quorum": a hyphenated compound is a term.
  if (prose[span.end] === '-') return true;
  const next = /^\s+([A-Z]+)/i.exec(prose.slice(span.end, span.end + 40));
  return !!next && entry.technical.includes(next[1].toLowerCase());
}

function rewrites(text: string, span: Span, found: string, entry: BlameEntry): Fix[] {
  return entry.rewrites.map((rewrite) => {
    if (rewrite === '') {
      // Take one neighbouring space with the word so no double space is left behind.
      const removal = text[span.end] === ' ' ? { start: span.start, end: span.end + 1 } : text[span.start - 1] === ' ' ? { start: span.start - 1, end: span.end } : span;
      return { title: `Remove "${found}"`, edits: [{ span: removal, newText: '' }] };
    }
    const newText = /^[A-Z]/.test(found) && sentenceStartsAt(text, span.start) ? startCase(rewrite) : rewrite;
    return { title: `Replace "${found}" with "${newText}"`, edits: [{ span, newText }] };
  });
}
