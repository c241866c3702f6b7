import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultWorkerCount, indexFiles, ownStrings, WORKER_THRESHOLD } from '../../server/src/workspace/indexPool';
import { readEntrySync, type IndexJob } from '../../server/src/workspace/indexJob';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { smallPostmortem as postmortem } from '../helpers/smallPostmortem';

describe('indexing many files (this thread and workers)', function () {
  this.timeout(60_000);
  let dir: string;
  let jobs: IndexJob[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-index-'));
    fs.mkdirSync(path.join(dir, 'postmortems'));
    fs.mkdirSync(path.join(dir, 'notes'));
    jobs = [];
    const count = WORKER_THRESHOLD + 44;
    for (let n = 0; n < count; n++) {
      // A few files are notes, not postmortems, and one file is missing: each must come back undefined.
      const note = n % 50 === 7;
      const folder = note ? 'notes' : 'postmortems';
      const file = path.join(dir, folder, `2025-03-${n}-outage.md`);
      fs.writeFileSync(file, note ? '# Shopping list\n\nMilk.\n' : postmortem(n));
      jobs.push({ file, uri: pathToFileURL(file).toString(), relative: `${folder}/${path.basename(file)}`, config: {} });
    }
    jobs.push({ file: path.join(dir, 'missing.md'), uri: 'file:///missing.md', relative: 'postmortems/missing.md', config: {} });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same entries as reading on one thread, in the order of the jobs', async () => {
    const expected = jobs.map(readEntrySync);
    const got = await indexFiles(jobs, 2);
    assert.equal(got.length, jobs.length);
    assert.deepEqual(got, expected);
    assert.equal(got.filter(Boolean).length, jobs.length - 1 - Math.ceil((jobs.length - 1 - 7) / 50));
  });

  it('gives the same entries with no workers (this thread only, in batches)', async () => {
    assert.deepEqual(await indexFiles(jobs, 0), jobs.map(readEntrySync));
  });

  it('ownStrings keeps an entry equal', () => {
    const entry = readEntrySync(jobs[0])!;
    const before = JSON.stringify(entry);
    ownStrings(entry);
    assert.equal(JSON.stringify(entry), before);
  });

  it('starts workers only where cores are to spare, unless told', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map((cores) => defaultWorkerCount({}, cores)), [0, 0, 1, 2, 3, 3]);
    assert.equal(defaultWorkerCount({ POSTMORTEM_LINT_INDEX_WORKERS: '2' }, 2), 2);
    assert.equal(defaultWorkerCount({ POSTMORTEM_LINT_INDEX_WORKERS: '0' }, 16), 0);
    assert.equal(defaultWorkerCount({ POSTMORTEM_LINT_INDEX_WORKERS: '99' }, 2), 8);
    assert.equal(defaultWorkerCount({ POSTMORTEM_LINT_INDEX_WORKERS: 'lots' }, 4), 2);
  });

  it('reads on this thread when a worker cannot start', async () => {
    const got = await indexFiles(jobs.slice(0, 100), 2, path.join(dir, 'no-such-worker.js'));
    assert.deepEqual(got, jobs.slice(0, 100).map(readEntrySync));
  });

  it('a workspace over the threshold is indexed with every action item', async () => {
    const index = new WorkspaceIndex(() => ({}));
    await index.scan([dir]);
    const entries = index.all();
    assert.equal(entries.length, jobs.filter((j) => readEntrySync(j)).length);
    assert.equal(
      entries.reduce((n, e) => n + e.actionItems.length, 0),
      2 * entries.length,
    );
    const first = index.get(jobs[0].uri);
    assert.equal(first?.summary.incidentId, 'INC-0');
    assert.deepEqual(first?.actionItems.map((i) => [i.owner, i.status]), [['@dev0', 'planned'], ['@ops', 'done']]);
  });
});
