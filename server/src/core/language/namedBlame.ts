import type { Span } from '../model/lineIndex';
import type { Fix } from '../rules/rule';
import { lowerWordAt, nextWordStart, personEndingAt, type PersonKind, type Token } from './people';
import { sentencesMatching } from './sentences';
import { escapeRegExp } from '../model/severity';
import { clauseEnd, passive, spacesOnly, startCase } from './rewrite';
import { phraseAtoms, trieAlternation } from './trieAlternation';

/** A person named as the agent of a failure: "Dave forgot to…", "@jsmith pushed a broken commit". */
export interface NamedBlame {
  /** From the person to the end of the failure phrase. */
  span: Span;
  /** The person as written. */
  who: string;
  kind: PersonKind;
  /** The failure phrase as written. */
  what: string;
  suggestions: Fix[];
}

/** How a failure phrase can be rewritten without a person. */
type Shape = 'infinitive' | 'about' | 'negated' | 'transitive';

/** A failure phrase found in the tokens: `from`..`to` inclusive, its object starting at `object`. */
interface Failure {
  from: number;
  to: number;
  shape: Shape;
  /** Only people do this, so any capitalised subject is a person. */
  humanOnly: boolean;
  verb?: number;
  adverb?: number;
  object?: number;
}

const ADVERBS = new Set(['accidentally', 'mistakenly', 'inadvertently', 'unintentionally', 'carelessly', 'wrongly', 'erroneously', 'incorrectly']);
const CHECKS = new Set(['check', 'test', 'verify', 'notice', 'read', 'review', 'follow', 'run', 'look', 'bother', 'think', 'update', 'validate', 'confirm', 'ask', 'wait', 'communicate', 'tell', 'inform', 'escalate', 'double-check']);
const SHIPS = new Set(['pushed', 'merged', 'deployed', 'committed', 'shipped', 'released', 'applied']);
const BAD = new Set(['broken', 'bad', 'faulty', 'buggy', 'untested', 'wrong']);
const INCIDENTS = new Set(['outage', 'incident', 'issue', 'problem', 'failure', 'downtime', 'breakage', 'regression', 'bug', 'error']);
const WRONG_CHOICE = new Set(['ran', 'used', 'applied', 'deployed', 'picked', 'chose', 'selected', 'targeted', 'edited', 'deleted', 'restarted', 'configured']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'some', 'two', 'several']);
/** First words of every failure phrase: most words are none, and are passed over at once. */
const TRIGGERS = new Set([
  ...ADVERBS, ...SHIPS, ...WRONG_CHOICE, 'forgot', 'forgotten', 'forgets', 'neglected', 'failed', 'missed', 'overlooked', 'ignored', 'broke',
  'botched', 'bungled', 'messed', 'screwed', "didn't", 'did', 'caused', 'introduced', 'made',
]);
/** Words allowed between the person and the failure phrase: "Dave had also forgotten…". */
const BETWEEN = new Set(['also', 'then', 'later', 'again', 'had', 'has', 'just', 'once', 'unfortunately', 'apparently', 'subsequently', 'probably', 'likely', 'simply', 'still', 'already', 'somehow']);
/** A person right after these is an object, not the subject: "escalated to Dave", "paged by Alice". */
const BEFORE_OBJECT = new Set(['by', 'to', 'with', 'for', 'from', 'of', 'than', 'at', 'about', 'told', 'asked', 'pinged', 'paged', 'thanks']);

/**
 * Finds sentences that may hold a failure phrase: a superset of the phrases `failureAt` accepts, each found by a
 * word of the phrase. Most sentences hold none, so only these are cut into words.
 */
// Built from the word lists and factored by prefix (one test of the first letter per position, not forty).
const FAILURE_WORDS = [
  ...ADVERBS, 'forgot', 'forgets', 'neglected', 'missed', 'overlooked', 'ignored', 'broke', 'botched', 'bungled', 'caused', 'introduced', 'did',
  ...BAD, 'failed to', 'messed up', 'screwed up', 'made a mistake', 'made an mistake', 'made a error', 'made an error',
];
export const FAILURE_HINT = new RegExp(`\\b(?:${trieAlternation(FAILURE_WORDS.map((w) => phraseAtoms(w, escapeRegExp, '[\\s*_]+')))})`, 'gi');

/**
 * Whether the hint at `at` may start a failure phrase: the common words only in their phrases ("did not", "caused
 * an"). Unreadable (very long) words are taken as possible.
 */
function mayFail(prose: string, at: number): boolean {
  const word = lowerWordAt(prose, at);
  if (word !== 'did' && word !== 'caused' && word !== 'introduced') return true;
  const next = nextWordStart(prose, at);
  const after = next === undefined ? undefined : next < 0 ? '' : lowerWordAt(prose, next);
  if (after === undefined) return true;
  return word === 'did' ? after === 'not' : DETERMINERS.has(after);
}

/** Finds people named as the cause of a failure in the prose. */
export function findNamedBlame(prose: string, text: string): NamedBlame[] {
  const found: NamedBlame[] = [];
  for (const { span: sentence, tokens, lower } of sentencesMatching(prose, FAILURE_HINT, (at) => mayFail(prose, at))) {
    const end = tokens.length;
    const gapOk = (a: number, b: number) => spacesOnly(prose, tokens[a].end, tokens[b].start);
    for (let i = 0; i < end; i++) {
      if (!TRIGGERS.has(lower[i])) continue;
      const word = (k: number) => (k < end && (k === i || gapOk(k - 1, k)) ? lower[k] : '');
      const failure = failureAt(word, i);
      if (!failure) continue;
      let last = failure.from - 1;
      while (last >= 0 && BETWEEN.has(lower[last]) && gapOk(last, last + 1)) last--;
      if (last < 0 || !gapOk(last, last + 1)) continue;
      const person = personEndingAt(tokens, 0, last, gapOk, failure.humanOnly);
      if (!person) continue;
      if (person.from > 0 && gapOk(person.from - 1, person.from) && BEFORE_OBJECT.has(lower[person.from - 1])) continue;
      const span = { start: tokens[person.from].start, end: tokens[failure.to].end };
      found.push({
        span,
        who: text.slice(span.start, tokens[person.to].end),
        kind: person.kind,
        what: text.slice(tokens[failure.from].start, span.end),
        suggestions: rewrites(text, prose, tokens, failure, span, span.start === sentence.start, gapOk, end),
      });
      i = failure.to;
    }
  }
  return found;
}

/** The failure phrase starting at token `i`, if there is one. */
function failureAt(word: (k: number) => string, i: number): Failure | undefined {
  const w = word(i);
  if (ADVERBS.has(w) && /(?:ed|wrote|ran|broke|took|made|sent|lost|put|set)$/.test(word(i + 1))) {
    return { from: i, to: i + 1, shape: 'transitive', humanOnly: w === 'carelessly', adverb: i, verb: i + 1, object: i + 2 };
  }
  if (w === 'forgot' || w === 'forgotten' || w === 'forgets' || w === 'neglected' || w === 'failed') {
    const next = word(i + 1);
    if (next === 'to') return { from: i, to: i + 1, shape: 'infinitive', humanOnly: w !== 'failed' };
    if (w === 'failed') return undefined;
    if (next === 'about') return { from: i, to: i, shape: 'about', humanOnly: true };
    return { from: i, to: i, shape: 'transitive', humanOnly: true, verb: i, object: i + 1 };
  }
  if (w === 'missed' || w === 'overlooked' || w === 'ignored' || w === 'broke' || w === 'botched' || w === 'bungled') {
    return { from: i, to: i, shape: 'transitive', humanOnly: w === 'botched' || w === 'bungled', verb: i, object: i + 1 };
  }
  if ((w === 'messed' || w === 'screwed') && word(i + 1) === 'up') return { from: i, to: i + 1, shape: 'transitive', humanOnly: true, verb: i, object: i + 2 };
  if (w === "didn't" && CHECKS.has(word(i + 1))) return { from: i, to: i + 1, shape: 'negated', humanOnly: word(i + 1) === 'bother' };
  if (w === 'did' && word(i + 1) === 'not' && CHECKS.has(word(i + 2))) return { from: i, to: i + 2, shape: 'negated', humanOnly: word(i + 2) === 'bother' };
  const det = DETERMINERS.has(word(i + 1)) ? 1 : 0;
  if (SHIPS.has(w) && BAD.has(word(i + 1 + det))) return { from: i, to: i + 1 + det, shape: 'transitive', humanOnly: false, verb: i, object: i + 1 };
  if (w === 'caused' && det && INCIDENTS.has(word(i + 2))) return { from: i, to: i + 2, shape: 'transitive', humanOnly: false, verb: i, object: i + 1 };
  if (w === 'introduced' && det && INCIDENTS.has(word(i + 2))) return { from: i, to: i + 2, shape: 'transitive', humanOnly: false, verb: i, object: i + 1 };
  if (w === 'made' && (word(i + 1) === 'a' || word(i + 1) === 'an') && (word(i + 2) === 'mistake' || word(i + 2) === 'error')) {
    return { from: i, to: i + 2, shape: 'transitive', humanOnly: true, verb: i, object: i + 1 };
  }
  if (WRONG_CHOICE.has(w) && word(i + 1) === 'the' && word(i + 2) === 'wrong') return { from: i, to: i + 2, shape: 'transitive', humanOnly: false, verb: i, object: i + 1 };
  return undefined;
}

function rewrites(text: string, prose: string, tokens: Token[], failure: Failure, span: Span, atStart: boolean, gapOk: (a: number, b: number) => boolean, end: number): Fix[] {
  const replace = (end: number, newText: string): Fix => {
    const shown = atStart ? startCase(newText) : newText;
    return { title: `Rewrite as "${shown}…"`, edits: [{ span: { start: span.start, end }, newText: shown }] };
  };
  const upTo = tokens[failure.to].end;
  switch (failure.shape) {
    case 'infinitive':
    case 'negated':
      return [replace(upTo, 'nothing prompted anyone to'), replace(upTo, 'the process had no step to')].map((fix) => trimTo(fix, failure, tokens));
    case 'about':
      return [replace(upTo, 'nothing reminded anyone')];
    case 'transitive': {
      if (failure.verb === undefined || failure.object === undefined || failure.object >= end || !gapOk(failure.object - 1, failure.object)) return [];
      const objectEnd = clauseEnd(prose, tokens, failure.object, end);
      if (objectEnd <= tokens[failure.object].start) return [];
      const object = text.slice(tokens[failure.object].start, objectEnd);
      const verb = tokens[failure.verb].text.toLowerCase();
      const adverb = failure.adverb === undefined ? '' : `${tokens[failure.adverb].text.toLowerCase()} `;
      return [replace(objectEnd, `${object} ${passive(object, verb, adverb)}`)];
    }
  }
}

/** For "X didn't check", the replacement ends before the checked verb, which the rewrite keeps. */
function trimTo(fix: Fix, failure: Failure, tokens: Token[]): Fix {
  if (failure.shape !== 'negated') return fix;
  const edit = fix.edits[0];
  return { ...fix, edits: [{ span: { start: edit.span.start, end: tokens[failure.to].start }, newText: `${edit.newText} ` }] };
}
