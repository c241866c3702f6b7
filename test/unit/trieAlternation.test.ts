import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { escapeRegExp } from '../../server/src/core/model/severity';
import { PhraseMatcher } from '../../server/src/core/language/phrases';
import { phraseAtoms, trieAlternation } from '../../server/src/core/language/trieAlternation';

/** The flat alternation the factored one replaces: longest phrase first, the same boundaries. */
function flatMatches(phrases: string[], text: string): [number, string][] {
  const unique = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!unique.length) return [];
  const pattern = new RegExp(`(?<![\\w'])(?:${unique.map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|')})(?![\\w'])`, 'gi');
  return [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
}

describe('trie alternation (prefix-factored phrase regexes)', () => {
  it('factors shared prefixes and keeps every alternative', () => {
    const source = trieAlternation(['careless', 'carelessly', 'carelessness', 'careful'].map((p) => phraseAtoms(p, escapeRegExp)));
    assert.equal(source, 'care(?:ful|less(?:ly|ness)?)');
    assert.equal(trieAlternation([]), '');
  });

  it('escapes every character: a phrase is never a pattern', () => {
    const matcher = new PhraseMatcher(['a.b', '(x)+', 'c\\d']);
    assert.deepEqual(matcher.findAll('axb a.b (x)+ c\\d cd').map((m) => m.found), ['a.b', '(x)+', 'c\\d']);
  });

  it('finds exactly what the flat longest-first alternation finds', () => {
    // A small alphabet so phrases share prefixes, overlap and nest often.
    const word = fc.stringMatching(/^[abc'.]{1,4}$/);
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const text = fc.stringMatching(/^[abcA .'\n-]{0,40}$/);
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), text, (phrases, sample) => {
        const got = new PhraseMatcher(phrases).findAll(sample).map((m): [number, string] => [m.index, m.found]);
        assert.deepEqual(got, flatMatches(phrases, sample));
      }),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});
