import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Metrics } from '../../server/src/core/metrics/types';
import { runBuiltCli, tempTree } from '../helpers/cli';
import { repoPath } from '../helpers/paths';

const Q1 = ['--since', '2026-01-01', '--until', '2026-03-31', '--today', '2026-04-15'];

describe('CLI report (built binary)', function () {
  this.timeout(60_000);
  let tree: ReturnType<typeof tempTree>;

  beforeEach(() => {
    const dir = repoPath('test', 'fixtures', 'metrics', 'quarter');
    const files: Record<string, string> = { 'README.md': '# Team handbook\n\n## Action Items\n\n- Improve monitoring\n' };
    for (const name of fs.readdirSync(dir)) files[`postmortems/${name}`] = fs.readFileSync(`${dir}/${name}`, 'utf8');
    tree = tempTree(files);
  });
  afterEach(() => tree.cleanup());

  it('prints the figures as JSON, rates as fractions', () => {
    const run = runBuiltCli(['report', ...Q1, '--format', 'json'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    const m = JSON.parse(run.stdout) as Metrics;
    assert.equal(m.incidents, 5);
    assert.equal(m.mttrMinutes, 123.25);
    assert.equal(m.repeatRate, 0.6);
    assert.equal(m.actionItems.completionRate, 0.375);
    assert.deepEqual(m.timeToPostmortemHours, { mean: 86.25, median: 47 });
    assert.equal(m.postmortems[0].uri, 'postmortems/2026-01-05-config-push.md', 'paths relative to the working folder');
    assert.deepEqual(m.excluded.find((e) => e.figure === 'all')?.uri, 'postmortems/undated.md');
  });

  it('prints a Markdown trend report with conclusions drawn from the figures', () => {
    const run = runBuiltCli(['report', 'postmortems', ...Q1], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    const md = run.stdout;
    assert.match(md, /^# Incident Trends: 2026-01-01 to 2026-03-31\n/);
    assert.match(md, /Total incidents: 5 \(1\.7 per month over 3 months\)\n- P0: 1 \(20%\)\n- P1: 2 \(40%\)\n- P2: 1 \(20%\)\n- unspecified: 1 \(20%\)/);
    assert.match(md, /## Top Root Causes\n\n1\. Configuration error in the load balancer: 2 \(40%\)/);
    assert.match(md, /## Most Affected Services\n\n1\. api-gateway: 3 incidents/);
    assert.match(md, /- Completed: 3 \(38%\)\n- In Progress: 1 \(13%\)\n- Planned: 3 \(38%\)\n- Blocked: 1 \(13%\)\n- Overdue on 2026-04-15: 4/);
    assert.match(md, /- 40% of incidents \(2 of 5\) come from the same root cause, "Configuration error in the load balancer"/);
    assert.match(md, /- 3 of 5 incidents \(60%\) repeat an earlier one \(critical\)/);
    assert.match(md, /- MTTR fell 60% from 3h 7min in 2026-01 to 1h 15min in 2026-03\./);
    assert.match(md, /## Left out\n\n- postmortems\/undated\.md \(every figure\): no incident date/);
  });

  it('groups by quarter', () => {
    const run = runBuiltCli(['report', ...Q1, '--group-by', 'quarter', '--format', 'json'], tree.dir);
    assert.deepEqual((JSON.parse(run.stdout) as Metrics).byPeriod.map((p) => [p.period, p.incidents]), [['2026-Q1', 5]]);
  });

  it('writes one self-contained HTML file', () => {
    const run = runBuiltCli(['report', ...Q1, '--format', 'html'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.equal((run.stdout.match(/<svg class="chart"/g) ?? []).length, 4);
    assert.ok(!/<script|<link|https?:/i.test(run.stdout), 'no script, no external resource');
  });

  it('reports a period without incidents with nulls', () => {
    const run = runBuiltCli(['report', '--since', '2024-01-01', '--until', '2024-03-31', '--today', '2026-04-15', '--format', 'json'], tree.dir);
    assert.equal(run.code, 0);
    const m = JSON.parse(run.stdout) as Metrics;
    assert.equal(m.incidents, 0);
    assert.equal(m.mttrMinutes, null);
    assert.equal(m.repeatRate, null);
    const md = runBuiltCli(['report', '--since', '2024-01-01', '--until', '2024-03-31'], tree.dir);
    assert.match(md.stdout, /No incident in this period/);
    assert.ok(!/NaN|undefined/.test(md.stdout));
  });

  it('rejects bad arguments with exit 2 and the report usage', () => {
    for (const args of [
      ['--since', '2026-13-01'],
      ['--until', 'yesterday'],
      ['--since', '2026-03-01', '--until', '2026-01-01'],
      ['--group-by', 'week'],
      ['--format', 'sarif'],
      ['--fix'],
      ['no-such-folder'],
    ]) {
      const run = runBuiltCli(['report', ...args], tree.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /postmortem-lint: /);
    }
    assert.match(runBuiltCli(['report', '--group-by', 'week'], tree.dir).stderr, /Usage: postmortem-lint report/);
    const help = runBuiltCli(['report', '--help'], tree.dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--group-by <unit>/);
  });
});
