import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';

/** Phrases from a workspace's config are data: regex syntax in them is matched literally and cannot hang. */
const HOSTILE = ['(a+)+$', '.*', '(x|x)*y', '[', 'a{1,99999}', '\\', '^'];

describe('config phrases are plain words', () => {
  const doc = (line: string) => `# Postmortem: x\n\n## Summary\n\n${line}\n\n## Action Items\n\n- ${line}\n`;
  const config = { blamePhrases: HOSTILE, vaguePhrases: HOSTILE };

  it('regex syntax in blamePhrases/vaguePhrases does not match ordinary text', () => {
    const problems = lint(doc('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! Anything at all goes here.'), { today: '2026-01-15', config }).problems;
    const found = problems.filter((p) => HOSTILE.some((h) => p.message.includes(h)));
    assert.deepEqual(found.map((p) => p.message), []);
  });

  it('a catastrophic pattern is matched literally and fast on a long run of its letters', () => {
    const started = Date.now();
    const problems = lint(doc(`${'a'.repeat(50_000)}!`), { today: '2026-01-15', config }).problems;
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.deepEqual(problems.filter((p) => p.ruleId === 'PM000'), []);
  });

  it('the literal text of a phrase is found where it is written', () => {
    const problems = lint(doc('We blamed it on (a+)+$ in the log.'), { today: '2026-01-15', config: { blamePhrases: ['(a+)+$'] } }).problems;
    assert.ok(problems.some((p) => p.ruleId === 'PM030' && p.message.includes('(a+)+$')), JSON.stringify(problems.map((p) => p.message)));
  });
});
