import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { findSecrets } from '../../server/src/core/language/secrets';
import { PhraseMatcher } from '../../server/src/core/language/phrases';
import { readDeadline } from '../../server/src/core/model/deadlines';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { findPlaceholders } from '../../server/src/core/model/placeholders';
import { isTimestampHeading, kindOfHeading, normalizeHeading } from '../../server/src/core/model/sectionKinds';
import { mayHoldStackTrace, readSummary, STACK_LINE } from '../../server/src/core/model/summary';
import { isLineTerminator, isRegexSpace } from '../../server/src/core/model/whitespace';

/** The loops and prefilters that stand in for regexes must agree with them. */
describe('scan shortcuts agree with the regexes they replace', () => {
  it('isRegexSpace is \\s and isLineTerminator is a multiline line end, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isRegexSpace(c), /\s/.test(ch), `\\s at U+${c.toString(16)}`);
      assert.equal(isLineTerminator(c), /^b/m.test(`a${ch}b`), `line end at U+${c.toString(16)}`);
    }
  });

  it('a summary can hold a stack trace only where mayHoldStackTrace says it may', () => {
    const fragment = fc.constantFrom('at ', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', 'x', 'a.b', '(c)', 'File "f", line 1', 'goroutine 1 [', 'panicked at', 'Traceback (most recent call last)');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        if (STACK_LINE.test(text)) assert.ok(mayHoldStackTrace(text), JSON.stringify(text));
      }),
      { seed: 20261128, numRuns: 5000 },
    );
    for (const text of ['  at a.b(c)', 'x\n\n at a.b(c)', 'x\n \u2028 at a.b(c)']) assert.ok(STACK_LINE.test(text) && mayHoldStackTrace(text), text);
    assert.ok(!mayHoldStackTrace('x\nat a.b(c)') && !STACK_LINE.test('x\nat a.b(c)'));
  });

  it('finds stack traces and hosts in the executive summary', () => {
    const doc = parsePostmortem('## Summary\n\nUsers saw errors from 10.0.1.7 and ip-10-0-1-7.ec2.internal.\n\n```\n\tat com.example.Foo.bar(Foo.java:12)\n```\n');
    const facts = readSummary(doc)!;
    assert.deepEqual(facts.hosts.map((s) => doc.text.slice(s.start, s.end)), ['10.0.1.7', 'ip-10-0-1-7.ec2.internal']);
    assert.deepEqual(facts.stackTraces.map((s) => doc.text.slice(s.start, s.end)), ['\tat com.example.Foo.bar(Foo.java:12)']);
  });

  it('phrases starting with a word character still need a non-word, non-apostrophe character before them', () => {
    const matcher = new PhraseMatcher(['lazy', 'human error']);
    const text = "lazy, it's lazy. 'lazy _lazy x-lazy alazy human  error";
    assert.deepEqual(
      matcher.findAll(text).map((m) => [m.index, m.found]),
      [...text.matchAll(/(?<![\w'])(?:lazy|human\s+error)(?![\w'])/gi)].map((m) => [m.index, m[0]]),
    );
  });

  it('finds each token kind by its rarest literal, also at the start of the text', () => {
    const tokens = [
      'ghp_R8x2LmQ4vT9nB7cW1yZ5kD3hF6jP0sA2eU4i',
      'github_pat_11ABCDEFG0aB1cD2eF3gH4iJ5kL6mN7oP8',
      'https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/q8R9s0T1u2V3',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    ];
    for (const token of tokens) {
      for (const text of [token, `see ${token} here`]) {
        const found = findSecrets(text);
        assert.equal(found.length, 1, text);
        assert.equal(text.slice(found[0].span.start, found[0].span.end), token);
      }
    }
    assert.equal(findSecrets('![x](DATA:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk) sk_live_4eC39HqLyjWDarjtT1zdp7dc').length, 1);
  });

  it('brackets are found as placeholders after other brackets on the line', () => {
    const doc = parsePostmortem('## Impact\n\n- Owner: [name]\n- [x] done [a] [b\n- [link to ticket]\n');
    assert.deepEqual(findPlaceholders(doc).map((p) => p.text), ['[name]', '[link to ticket]']);
  });

  it('a padded ISO deadline and a slashed one read the same date', () => {
    const span = { start: 0, end: 10 };
    assert.deepEqual(readDeadline('2026-01-05', span), { value: '2026-01-05', span, ongoing: false, invalid: false, date: '2026-01-05' });
    assert.equal(readDeadline('2026/1/5', span).date, '2026-01-05');
    assert.equal(readDeadline('2026-02-30', span).invalid, true);
  });

  it('heading facts stay right however many headings pass through the memo', () => {
    for (let k = 0; k < 5000; k++) assert.equal(isTimestampHeading(`${String(k % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')} event ${k}`), true);
    assert.equal(kindOfHeading('## 1. Action Items:'), 'actionItems');
    assert.equal(normalizeHeading('**Timeline**'), 'timeline');
    assert.equal(isTimestampHeading('Timeline'), false);
    assert.equal(kindOfHeading('Timeline'), 'timeline');
  });
});
