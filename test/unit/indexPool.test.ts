import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexInWorkers, WORKER_THRESHOLD } from '../../server/src/workspace/indexPool';
import { readEntrySync, type IndexJob } from '../../server/src/workspace/indexJob';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { smallPostmortem as postmortem } from '../helpers/smallPostmortem';

describe('index workers', function () {
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
    const got = await indexInWorkers(jobs, 2);
    assert.equal(got.length, jobs.length);
    assert.deepEqual(got, expected);
    assert.equal(got.filter(Boolean).length, jobs.length - 1 - Math.ceil((jobs.length - 1 - 7) / 50));
  });

  it('reads on this thread when a worker cannot start', async () => {
    const got = await indexInWorkers(jobs.slice(0, 100), 2, path.join(dir, 'no-such-worker.js'));
    assert.deepEqual(got, jobs.slice(0, 100).map(readEntrySync));
  });

  it('a workspace over the threshold is indexed through the workers with every action item', async () => {
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
