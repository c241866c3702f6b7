import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metrics } from '../../server/src/core/metrics/types';
import { tempTree } from '../helpers/cli';
import { startServer, type TestClient } from '../helpers/lspClient';
import { repoPath } from '../helpers/paths';

describe('postmortemLint/metrics over stdio', function () {
  this.timeout(30_000);
  let tree: ReturnType<typeof tempTree>;
  let client: TestClient;

  beforeEach(async () => {
    const dir = repoPath('test', 'fixtures', 'metrics', 'quarter');
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(dir)) files[`postmortems/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
    tree = tempTree(files);
    client = await startServer(tree.dir, { settings: { today: '2026-04-15' } });
  });
  afterEach(async () => {
    await client?.stop();
    tree.cleanup();
  });

  it('answers from the workspace index with the same figures as the core', async () => {
    const m = (await client.connection.sendRequest('postmortemLint/metrics', { since: '2026-01-01', until: '2026-03-31' })) as Metrics;
    assert.equal(m.incidents, 5);
    assert.equal(m.mttrMinutes, 123.25);
    assert.equal(m.repeatRate, 0.6);
    assert.deepEqual(m.actionItems, { total: 8, done: 3, inProgress: 1, planned: 3, blocked: 1, wontDo: 0, unknown: 0, overdue: 4, completionRate: 0.375 });
    assert.equal(m.period.today, '2026-04-15', 'today from the settings');
    assert.equal(m.topRootCauses[0].uris[0], pathToFileURL(path.join(tree.dir, 'postmortems', '2026-01-05-config-push.md')).toString());
    const quarters = (await client.connection.sendRequest('postmortemLint/metrics', { groupBy: 'quarter' })) as Metrics;
    assert.deepEqual(quarters.byPeriod.map((p) => [p.period, p.incidents]), [['2025-Q4', 1], ['2026-Q1', 5]]);
  });

  it('follows unsaved edits through the index', async () => {
    const uri = pathToFileURL(path.join(tree.dir, 'postmortems', 'undated.md')).toString();
    const text = fs.readFileSync(path.join(tree.dir, 'postmortems', 'undated.md'), 'utf8').replace('severity: P2', 'date: 2026-02-20\nseverity: P2');
    await client.open(uri, text);
    await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const m = (await client.connection.sendRequest('postmortemLint/metrics', { since: '2026-01-01', until: '2026-03-31' })) as Metrics;
    assert.equal(m.incidents, 6);
    assert.ok(!m.excluded.some((e) => e.figure === 'all'));
  });

  it('rejects bad parameters without crashing', async () => {
    await assert.rejects(client.connection.sendRequest('postmortemLint/metrics', { since: 'last week' }), /since must be a date/);
    await assert.rejects(client.connection.sendRequest('postmortemLint/metrics', { groupBy: 'week' }), /groupBy must be month or quarter/);
    const m = (await client.connection.sendRequest('postmortemLint/metrics', {})) as Metrics;
    assert.equal(m.incidents, 6);
  });
});
