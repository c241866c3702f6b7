import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/paths';

/** Runs a tiny benchmark so that `npm run bench` cannot rot; its figures are not checked (they are machine-bound). */
describe('benchmark (npm run bench)', function () {
  this.timeout(300_000);

  it('runs on 50 files in quick mode and prints the results table', () => {
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--files', '50', '--quick'], { cwd: repoRoot, encoding: 'utf8', timeout: 280_000 });
    assert.equal(run.status, 0, `bench/run.mjs failed:\n${run.stderr}`);
    assert.match(run.stdout, /^\| measure \| value \| target \| result \|$/m);
    assert.match(run.stdout, /^\| engine ÷ markdown-it \(median of the runs' ratios\) \| [\d.]+× \| ≤ 2× \| (?:PASS|MISS) \|$/m);
    assert.match(run.stdout, /^\| \(e\) initialize → complete `postmortemLint\/actionItems` \(50 postmortems, \d+ items; median of 1 start: [\d,.]+ ms\) \| [\d,.]+ ms \|/m);
    assert.match(run.stdout, /^\| markdownlint-cli2 ÷ CLI \| [\d.]+× \| ≥ 5× \| (?:PASS|MISS) \|$/m);
    assert.match(run.stdout, /server peak memory/);
  });
});
