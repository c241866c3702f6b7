import type { Span } from '../model/lineIndex';
import type { Fix } from '../rules/rule';
import { lowerWordAt, nextWordStart, personEndingAt, type Token } from './people';
import { sentencesMatching } from './sentences';
import { sentenceStartsAt, spacesOnly, startCase } from './rewrite';

/**
 * Hindsight about people: "Dave should have checked", "this should have been caught in review", "if the on-call
 * had looked at the dashboard, this would not have happened".
 *
 * Choices, from the corpus of published postmortems:
 * - "should have" + a participle judges with hindsight, whoever the person is (we included).
 * - "could have" names an option, which is how teams write "What could have gone better"; it is reported only
 *   for an individual ("Dave could have checked"), never for "we" or a thing ("this could have been avoided").
 * - A passive "should have been caught/noticed/tested…" is reported: it hides a person who did not catch it. A
 *   passive about the system ("should have been corrected automatically") is not.
 * - "if … had …, … would not have" is reported when an individual is the subject of "had", not "we".
 * - "should have a talk", "should have alerting" (a noun, not a participle) are plans, not hindsight.
 */
export interface Counterfactual {
  span: Span;
  kind: 'active' | 'passive' | 'conditional';
  suggestions: Fix[];
}

/** Participles of noticing and checking: a passive of these hides a person who did not. */
const DETECTION = new Set(
  'caught noticed spotted seen detected found checked tested reviewed verified flagged known escalated reported raised picked validated'.split(' '),
);
const IRREGULAR = new Set(
  'been done known seen caught taken run written gone made thought told given put set chosen broken forgotten kept left sent built understood spent read'.split(' '),
);
/** "-ed" words that are not participles. */
const NOT_PARTICIPLES = new Set(['need', 'feed', 'seed', 'speed', 'bed', 'red', 'shed', 'hundred', 'embed']);
const SOFTENERS = new Set(['really', 'probably', 'definitely', 'perhaps', 'maybe', 'clearly', 'obviously', 'certainly', 'also', 'easily', 'arguably', 'likely', 'ideally', 'simply']);
/** Pronouns that name people, and which modals count for them. */
const PRONOUNS: Record<string, 'both' | 'should'> = {
  i: 'both', you: 'both', he: 'both', she: 'both', someone: 'both', somebody: 'both', we: 'should', they: 'should',
};
const PLURAL_SUBJECTS = new Set(['these', 'those', 'they', 'we']);

/** Every judgement has a "should…" or "could…" word, or an "if" with a "would…" word in its sentence. */
const MODAL_HINT = /\b(?:should|could|would)/gi;

/**
 * Whether the modal at `at` may start a judgement: "should have", "could not have", "should've", or "would" in a
 * sentence with an "if". Unreadable (very long) words are taken as possible.
 */
function judgementHint(prose: string): (at: number, span: Span) => boolean {
  let checked: Span | undefined;
  let hasIf = false;
  return (at, span) => {
    const modal = lowerWordAt(prose, at);
    if (modal === undefined) return true;
    if (modal.startsWith('would')) {
      // Asked once per sentence: a sentence of many "would"s is read once.
      if (checked !== span) hasIf = /\bif\b/i.test(prose.slice(span.start, span.end));
      checked = span;
      return hasIf;
    }
    if (modal.endsWith("'ve") || modal.endsWith('’ve')) return true;
    const next = nextWordStart(prose, at);
    const word = next === undefined ? undefined : next < 0 ? '' : lowerWordAt(prose, next);
    if (word === undefined) return true;
    if (word !== 'not' && word !== 'never') return word === 'have';
    const after = nextWordStart(prose, next as number);
    if (after === undefined) return true;
    const third = after < 0 ? '' : lowerWordAt(prose, after);
    return third === undefined || third === 'have';
  };
}

/** Finds counterfactual judgements of people in the prose; `you should have` is left to the blame lexicon. */
export function findCounterfactuals(prose: string, text: string): Counterfactual[] {
  const found: Counterfactual[] = [];
  for (const { tokens, lower } of sentencesMatching(prose, MODAL_HINT, judgementHint(prose))) {
    const first = 0;
    const end = tokens.length;
    const gapOk = (a: number, b: number) => spacesOnly(prose, tokens[a].end, tokens[b].start);
    const word = (k: number) => (k >= first && k < end ? lower[k] : '');
    let wouldHave: boolean | undefined;
    for (let i = first; i < end; i++) {
      const w = lower[i];
      const c = w.charCodeAt(0);
      if (c !== 105 /* i */ && c !== 115 /* s */ && c !== 99 /* c */) continue;
      if (w === 'if') {
        wouldHave ??= saysWouldHave(word, first, end);
        const hit = wouldHave ? conditionalAt(tokens, first, i, word, gapOk) : undefined;
        if (hit) found.push({ span: hit, kind: 'conditional', suggestions: [] });
        continue;
      }
      const modal = w.startsWith('should') ? 'should' : w.startsWith('could') ? 'could' : undefined;
      if (!modal || w.startsWith('couldn')) continue;
      let k = i + 1;
      if (w === `${modal}'ve`) k = i;
      else {
        if (word(k) === 'not' || word(k) === 'never') k++;
        if (word(k) !== 'have') continue;
      }
      if (word(k + 1) === 'never') k++;
      const been = word(k + 1) === 'been';
      const verbAt = k + 1 + (been ? 1 : 0);
      const participle = word(verbAt);
      if (!isParticiple(participle)) continue;
      let last = i - 1;
      while (last >= first && SOFTENERS.has(lower[last])) last--;
      const pronoun = PRONOUNS[word(last)];
      const person = pronoun ? { from: last, to: last, kind: 'pronoun' } : personEndingAt(tokens, first, last, gapOk);
      const span = { start: tokens[i].start, end: tokens[verbAt].end };
      if (been) {
        if (person || modal !== 'should' || !DETECTION.has(participle)) continue;
        const fix = `${PLURAL_SUBJECTS.has(word(last)) || isPluralNoun(word(last)) ? 'were' : 'was'} not`;
        const edit = { span: { start: span.start, end: tokens[k + 1].end }, newText: fix };
        found.push({ span, kind: 'passive', suggestions: [{ title: `Say what happened: "${fix} ${participle}"`, edits: [edit] }] });
        continue;
      }
      if (!person || (pronoun === 'should' && modal !== 'should') || (word(last) === 'you' && modal === 'should')) continue;
      const written = text.slice(tokens[person.from].start, tokens[person.to].end);
      // Moved after "made sure", a pronoun or "The engineer" loses its sentence-initial capital; a name keeps it.
      const subject = person.kind === 'pronoun' || person.kind === 'role' ? (word(last) === 'i' ? 'I' : written[0].toLowerCase() + written.slice(1)) : written;
      const head = { start: tokens[person.from].start, end: tokens[k].end };
      const atStart = sentenceStartsAt(text, head.start);
      const options = [`nothing made sure ${subject} had`, `the process did not ensure ${subject} had`].map((o) => (atStart ? startCase(o) : o));
      found.push({
        span: { start: head.start, end: span.end },
        kind: 'active',
        suggestions: options.map((newText) => ({ title: `Rewrite as "${newText}…"`, edits: [{ span: head, newText }] })),
      });
    }
  }
  return found;
}

/** Whether the sentence says "would (not) have" / "wouldn't have" / "would've". */
function saysWouldHave(word: (k: number) => string, first: number, end: number): boolean {
  for (let k = first; k < end; k++) {
    const w = word(k);
    if (w === "would've" || ((w === 'would' || w === "wouldn't") && (word(k + 1) === 'have' || (word(k + 1) === 'not' && word(k + 2) === 'have')))) return true;
  }
  return false;
}

/** "if Dave had checked …": the span of the if-clause's head, when an individual is the subject of "had". */
function conditionalAt(tokens: Token[], first: number, i: number, word: (k: number) => string, gapOk: (a: number, b: number) => boolean): Span | undefined {
  for (let had = i + 2; had <= i + 4; had++) {
    const h = word(had);
    if (h !== 'had' && h !== "hadn't") continue;
    const last = had - 1;
    const pronoun = PRONOUNS[word(last)];
    const person = pronoun === 'both' ? { from: last } : pronoun ? undefined : personEndingAt(tokens, first, last, gapOk);
    if (!person || person.from !== i + 1) return undefined;
    const p = word(had + 1) === 'not' ? had + 2 : had + 1;
    return isParticiple(word(p)) ? { start: tokens[i].start, end: tokens[p].end } : undefined;
  }
  return undefined;
}

/** Whether a subject noun is plural: "bugs", not "this" or "analysis". */
export function isPluralNoun(word: string): boolean {
  return /[^siu]s$/.test(word) && !['its', 'was', 'has'].includes(word);
}

function isParticiple(word: string): boolean {
  return IRREGULAR.has(word) || (word.length > 3 && word.endsWith('ed') && !NOT_PARTICIPLES.has(word));
}
