import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { pathologicalInputs } from '../helpers/pathologicalInputs';

/**
 * Hostile front matter (the inputs live in pathologicalInputs, where pathological.test.ts also runs them in a
 * worker with a hang limit): each one is reported by PM004, never thrown, and never expanded.
 */
const EXPECTED: Record<string, RegExp> = {
  'YAML alias bomb': /alias/i,
  'YAML nested 1,000 levels': /nested \d+ levels deep/,
  'YAML 1,000-level nested block mapping': /nested \d+ levels deep/,
  'YAML non-string keys': /keys must be plain words/,
  'YAML duplicate keys': /unique/i,
  'front matter that never closes': /never closed/,
};

describe('front matter attacks', () => {
  const inputs = pathologicalInputs();
  for (const [name, message] of Object.entries(EXPECTED)) {
    it(`${name}: a PM004 diagnostic, no throw`, () => {
      const problems = lint(inputs[name], { today: '2026-01-15' }).problems;
      assert.deepEqual(problems.filter((p) => p.ruleId === 'PM000'), []);
      const pm004 = problems.filter((p) => p.ruleId === 'PM004').map((p) => p.message);
      assert.ok(pm004.some((m) => message.test(m)), `PM004 messages: ${JSON.stringify(pm004)}`);
    });
  }

  it('scalar keys that are not strings (1, null) are read as their names', () => {
    const problems = lint('---\n1: x\nnull: y\nincident_id: INC-1\ndate: 2026-01-01\nseverity: P1\n---\n# Postmortem\n', { today: '2026-01-15' }).problems;
    const unknown = problems.filter((p) => p.ruleId === 'PM004' && /Unknown front-matter key/.test(p.message)).map((p) => p.message);
    assert.equal(unknown.length, 2, JSON.stringify(unknown));
  });
});
