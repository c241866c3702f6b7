import type { Token } from './people';

/** Past participles that differ from the past tense. */
const PARTICIPLES: Record<string, string> = {
  broke: 'broken', ran: 'run', took: 'taken', wrote: 'written', overwrote: 'overwritten', chose: 'chosen', forgot: 'forgotten',
  forgets: 'forgotten', gave: 'given', threw: 'thrown', drove: 'driven', froze: 'frozen', began: 'begun', hid: 'hidden',
  messed: 'changed incorrectly', screwed: 'changed incorrectly', botched: 'changed incorrectly', bungled: 'changed incorrectly',
};

/** Words that end the object of a verb: "deleted the namespace | on the LEAP hub". */
const CLAUSE_STOPS = new Set(
  (
    'with by while when because during in on at after before from for and but which that so without via into onto ' +
    'since until as to instead leading causing resulting who whose where than or'
  ).split(' '),
);

/** The longest object a passive rewrite is offered for, in words. */
const MAX_OBJECT_WORDS = 8;

/** Whether the text between two offsets is only spaces or emphasis markers (`**Dave** forgot`). */
export function spacesOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13 && ch !== 42 /* * */ && ch !== 95 /* _ */) return false;
  }
  return true;
}

/**
 * Where the object that starts at token `from` ends (tokens before `to`): at the first clause word or punctuation. Returns the start
 * of token `from` when there is no usable object (none, or longer than a few words).
 */
export function clauseEnd(prose: string, tokens: Token[], from: number, to: number): number {
  let end = tokens[from].start;
  for (let k = from; k < to; k++) {
    if (k > from && (CLAUSE_STOPS.has(tokens[k].text.toLowerCase()) || !spacesOnly(prose, tokens[k - 1].end, tokens[k].start))) break;
    if (k - from >= MAX_OBJECT_WORDS) return tokens[from].start;
    end = tokens[k].end;
  }
  return end;
}

/** "was accidentally deleted" / "were missed": the passive for a past-tense verb and its object. */
export function passive(object: string, verb: string, adverb: string): string {
  const participle = PARTICIPLES[verb] ?? verb;
  const lastWord = /(?<![A-Z])([A-Z]+)\W*$/i.exec(object)?.[1].toLowerCase() ?? '';
  const plural = /[^siu]s$/.test(lastWord) && !/^(?:a|an|this|that|one)\s/i.test(object);
  const adverbText = participle.includes(' ') ? '' : adverb;
  return `${plural ? 'were' : 'was'} ${adverbText}${participle}`;
}

/** The text with its first letter in upper case, for a rewrite that starts a sentence. */
export function startCase(text: string): string {
  return /^[a-z]/.test(text) ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Whether a sentence starts at `at`: only list, heading, quote or emphasis markers sit between it and a line start or a full stop. */
export function sentenceStartsAt(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n' || ch === '.' || ch === '!' || ch === '?' || ch === '|') return true;
    if (!' \t*_#>-+'.includes(ch) && !(ch >= '0' && ch <= '9')) return false;
  }
  return true;
}
