import { escapeRegExp } from '../model/severity';
import { phraseAtoms, trieAlternation } from './trieAlternation';

/** A phrase found in a text. */
export interface PhraseMatch {
  /** The phrase list entry that matched. */
  phrase: string;
  /** What the text says there. */
  found: string;
  index: number;
}

/** Matches any of a list of plain phrases: case-insensitive, on word boundaries, any run of spaces between words. */
export class PhraseMatcher {
  /** The compiled alternation (public for the ReDoS test); undefined for an empty list. */
  readonly pattern: RegExp | undefined;
  private readonly byKey: Map<string, string>;

  constructor(phrases: readonly string[]) {
    const unique = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
    this.byKey = new Map(unique.map((p) => [normalize(p), p]));
    // Config phrases are data: each is escaped, so nothing a workspace writes becomes a pattern.
    // Factored by prefix: the blame list has ~60 phrases and runs over every sentence of every document.
    const alternation = trieAlternation(unique.map((p) => phraseAtoms(p, escapeRegExp)));
    this.pattern = unique.length ? new RegExp(`${startBoundary(unique)}(?:${alternation})(?![\\w'])`, 'gi') : undefined;
  }

  /** Every non-overlapping match, left to right. */
  findAll(text: string): PhraseMatch[] {
    if (!this.pattern) return [];
    const matches: PhraseMatch[] = [];
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      matches.push({ phrase: this.byKey.get(normalize(m[0])) ?? m[0], found: m[0], index: m.index });
    }
    return matches;
  }
}

/**
 * What must come before a match: not a word character or an apostrophe, `(?<![\w'])`. When every phrase starts with
 * a word character, a match starts on one, so `\b(?<!')` says the same, and V8 runs it about twice as fast (measured
 * on the blame list over 25 MB of prose: 104 ms against 223 ms); the blame list scans all the prose of every document.
 */
function startBoundary(phrases: readonly string[]): string {
  return phrases.every((p) => /^\w/.test(p)) ? "\\b(?<!')" : "(?<![\\w'])";
}

function normalize(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

const cache = new WeakMap<readonly string[], Map<string, PhraseMatcher>>();

/** A matcher for built-in phrases plus configured extras, built once per list. */
export function phraseMatcher(builtIn: readonly string[], extra: readonly string[]): PhraseMatcher {
  let byExtra = cache.get(builtIn);
  if (!byExtra) cache.set(builtIn, (byExtra = new Map()));
  const key = extra.join('\u0000');
  let matcher = byExtra.get(key);
  if (!matcher) {
    matcher = new PhraseMatcher([...builtIn, ...extra]);
    if (byExtra.size > 20) byExtra.clear();
    byExtra.set(key, matcher);
  }
  return matcher;
}
