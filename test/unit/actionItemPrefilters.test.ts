import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { mayBeTrackingLine, TRACKING_LINE } from '../../server/src/core/model/actionItemFields';
import { ACTION_LABEL, mayBeActionLabel } from '../../server/src/core/model/actionItems';

/** A fragment in one of five casings: the patterns are case-insensitive. */
function cased(fragment: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fragment, fc.constantFrom(0, 1, 2, 3, 4)).map(([word, casing]) => {
    if (casing === 1) return word.toUpperCase();
    if (casing === 2) return word.toLowerCase();
    if (casing === 3) return word.charAt(0).toUpperCase() + word.slice(1);
    if (casing === 4) return [...word].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
    return word;
  });
}

/**
 * Texts built from the pattern's words, strings generated from the pattern itself (fast-check cannot generate
 * from `\b` or the `i` flag: `\b` is dropped and case comes from `cased`), and glue, including characters that
 * `\w` and case folding treat specially with the `u` flag (`ſ`, the Kelvin sign), which these patterns lack.
 */
function texts(pattern: RegExp, words: readonly string[]): fc.Arbitrary<string> {
  const glue = ['', ' ', '  ', '\t', '\u00a0', '*', '**', '_', '__', '-', '#', '>', '1', '1.', ':', '(', '[', 'x', 'ſ', '\u212a', 'é', '@', '"'];
  const fragment = fc.oneof(
    { arbitrary: cased(fc.stringMatching(new RegExp(pattern.source.replace(/\\b/g, '')))), weight: 2 },
    { arbitrary: cased(fc.constantFrom(...words)), weight: 3 },
    { arbitrary: fc.constantFrom(...glue), weight: 4 },
  );
  return fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(''));
}

/** Checks that `may(text)` holds whenever `pattern` matches, and that enough generated texts match to mean something. */
function checkPrefilter(pattern: RegExp, words: readonly string[], may: (text: string) => boolean, seed: number): void {
  let matched = 0;
  fc.assert(
    fc.property(texts(pattern, words), (text) => {
      if (!pattern.test(text)) return;
      matched++;
      assert.ok(may(text), `${pattern.source} matches ${JSON.stringify(text)} but the prefilter says it cannot`);
    }),
    { seed, numRuns: 5000 },
  );
  assert.ok(matched > 200, `only ${matched} generated texts matched ${pattern.source}`);
}

describe('action item prefilters agree with the regexes they guard', () => {
  it('TRACKING_LINE matches only where mayBeTrackingLine says it may', () => {
    const words = ['follow along', 'tracked in', 'tracked at', 'tracked here', 'tracking issue', 'tracking bug', 'tracking ticket', 'tracking epic', 'see the issue', 'see ticket', 'see epic', 'see the board', 'see', 'tracked', 'tracking', 'follow', 'along', 'the'];
    checkPrefilter(TRACKING_LINE, words, mayBeTrackingLine, 20261129);
    assert.ok(!mayBeTrackingLine('Pin the image') && !mayBeTrackingLine('_see the issue') && !mayBeTrackingLine('2 see the issue') && !mayBeTrackingLine('** '));
    assert.ok(mayBeTrackingLine('**Tracked in #12') && mayBeTrackingLine('\u212a see'));
  });

  it('ACTION_LABEL matches only where mayBeActionLabel says it may', () => {
    const words = ['**', 'review actions', 'action items', 'action item', 'actions', 'follow-ups', 'follow ups', 'followup', 'next steps', ':', ' '];
    checkPrefilter(ACTION_LABEL, words, mayBeActionLabel, 20261130);
    assert.ok(!mayBeActionLabel('**Owner**: x') && !mayBeActionLabel('*') && !mayBeActionLabel('**'));
    assert.ok(mayBeActionLabel('**Next steps**:') && mayBeActionLabel('**ACTIONS**'));
  });
});
