import * as assert from 'node:assert/strict';
import { runBuiltCli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

interface JsonProblem {
  file: string;
  ruleId: string;
}

describe('bundled examples (built CLI)', function () {
  this.timeout(30_000);
  const run = () => runBuiltCli(['examples/', '--format', 'json'], repoRoot);

  it('the exemplary postmortem lints clean', () => {
    const problems = JSON.parse(run().stdout) as JsonProblem[];
    assert.deepEqual(problems.filter((p) => p.file.endsWith('2025-12-15-disk-full.md')), []);
  });

  it('the flawed postmortems show most rules, and the README is not linted', () => {
    const result = run();
    assert.equal(result.code, 1, 'the flawed examples have errors');
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    const rules = new Set(problems.map((p) => p.ruleId));
    assert.ok(rules.size >= 22, `only ${rules.size} rules shown: ${[...rules].sort().join(' ')}`);
    assert.ok(!problems.some((p) => p.file.endsWith('README.md')));
  });
});
