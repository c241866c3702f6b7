import * as assert from 'node:assert/strict';
import { fixText, lint } from '../../server/src/core/engine';
import { applyFixes } from '../../server/src/core/fix/applyFixes';
import { defineRule, type AnyRule } from '../../server/src/core/rules/rule';

/** A rule that reports every occurrence of "oops" with a fix to "ok". */
const oops: AnyRule = defineRule<{ word: string }>({
  id: 'PM990',
  alias: 'test-word',
  description: 'test rule',
  tags: ['test'],
  defaultLevel: 'warning',
  fixable: true,
  options: { word: { type: 'string', default: 'oops', description: 'the word' } },
  check({ doc, options, report }) {
    for (let at = doc.text.indexOf(options.word); at >= 0; at = doc.text.indexOf(options.word, at + 1)) {
      const span = { start: at, end: at + options.word.length };
      report({ span, message: `found ${options.word}`, fix: { title: 'replace', edits: [{ span, newText: 'ok' }] } });
    }
  },
});

const throws: AnyRule = defineRule({
  id: 'PM991',
  alias: 'test-throws',
  description: 'always throws',
  tags: ['test'],
  defaultLevel: 'error',
  fixable: false,
  options: {},
  check() {
    throw new Error('boom');
  },
});

describe('engine', () => {
  it('turns a throwing rule into one PM000 problem and still runs the others', () => {
    const result = lint('oops\n', { rules: [throws, oops] });
    assert.deepEqual(result.problems.map((p) => p.ruleId), ['PM000', 'PM990']);
    assert.match(result.problems[0].message, /PM991 \(test-throws\) failed.*boom/);
  });

  it('applies levels and options from the configuration by id or alias', () => {
    assert.equal(lint('oops', { rules: [oops], config: { rules: { PM990: 'off' } } }).problems.length, 0);
    assert.equal(lint('oops', { rules: [oops], config: { rules: { 'test-word': false } } }).problems.length, 0);
    assert.equal(lint('oops', { rules: [oops], config: { rules: { 'test-word': 'error' } } }).problems[0].severity, 'error');
    const custom = lint('uh-oh', { rules: [oops], config: { rules: { PM990: { word: 'uh-oh', level: 'info' } } } });
    assert.deepEqual(custom.problems.map((p) => [p.message, p.severity]), [['found uh-oh', 'info']]);
  });

  it('honours inline disable comments by id, alias or for all rules', () => {
    const text = [
      'oops', // 0: reported
      '<!-- postmortem-lint-disable PM990 -->',
      'oops', // 2: off
      '<!-- postmortem-lint-enable test-word -->',
      'oops', // 4: reported
      '<!-- postmortem-lint-disable-next-line -->',
      'oops', // 6: off
      'oops <!-- postmortem-lint-disable-line test-word -->', // 7: off
      'oops', // 8: reported
    ].join('\n');
    const lines = lint(text, { rules: [oops] }).problems.map((p) => p.range.start.line);
    assert.deepEqual(lines, [0, 4, 8]);
    const whole = lint(`<!-- postmortem-lint-disable-file PM990 -->\n${text}`, { rules: [oops] });
    assert.equal(whole.problems.length, 0);
  });

  it('does not treat directives inside code as directives', () => {
    const text = '```\n<!-- postmortem-lint-disable -->\n```\noops\n';
    assert.equal(lint(text, { rules: [oops] }).problems.length, 1);
  });

  it('fixes every problem and reports what is left', () => {
    const fixed = fixText('oops and oops\r\noops', { rules: [oops] });
    assert.equal(fixed.text, 'ok and ok\r\nok');
    assert.equal(fixed.fixed, 3);
    assert.equal(fixed.result.problems.length, 0);
  });

  it('declines documents over the size limit with a notice', () => {
    const result = lint('x'.repeat(200), { config: { maxFileSize: 100 } });
    assert.equal(result.document, undefined);
    assert.match(result.notice ?? '', /over the 100 character limit/);
  });

  it('gives LSP positions for CRLF and lone CR line endings', () => {
    const result = lint('a\r\nb\roops', { rules: [oops] });
    assert.deepEqual(result.problems[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
  });
});

describe('applyFixes', () => {
  it('skips a fix that overlaps one already taken, whole', () => {
    const fixes = [
      { title: 'a', edits: [{ span: { start: 0, end: 3 }, newText: 'A' }] },
      { title: 'b', edits: [{ span: { start: 5, end: 6 }, newText: 'B' }, { span: { start: 2, end: 4 }, newText: 'X' }] },
      { title: 'c', edits: [{ span: { start: 6, end: 6 }, newText: '!' }] },
    ];
    const result = applyFixes('abcdefg', fixes);
    assert.equal(result.text, 'Adef!g');
    assert.equal(result.applied, 2);
    assert.equal(result.skipped, 1);
  });

  it('refuses edits outside the text', () => {
    const result = applyFixes('abc', [{ title: 'x', edits: [{ span: { start: 2, end: 9 }, newText: '' }] }]);
    assert.deepEqual(result, { text: 'abc', applied: 0, skipped: 1, edits: [] });
  });
});
