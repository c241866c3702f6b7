import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_FILE_NAME, IndexCache } from '../../server/src/workspace/indexCache';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { smallPostmortem } from '../helpers/smallPostmortem';

describe('index cache (the workspace index kept between sessions)', () => {
  const FILES = 20;
  let dir: string;
  let cacheDir: string;

  /** A fresh index (as a new server session would make) on the workspace, with the cache. */
  async function session(cache = IndexCache.in(cacheDir), config = {}): Promise<{ index: WorkspaceIndex; counts: { parsed: number; cached: number } }> {
    const index = new WorkspaceIndex(() => config);
    index.useCache(cache);
    const counts = await index.scan([dir]);
    await index.saveCache();
    return { index, counts };
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-cache-ws-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-cache-'));
    fs.mkdirSync(path.join(dir, 'postmortems'));
    fs.mkdirSync(path.join(dir, 'notes'));
    for (let n = 0; n < FILES; n++) fs.writeFileSync(path.join(dir, 'postmortems', `2025-03-${n}.md`), smallPostmortem(n));
    fs.writeFileSync(path.join(dir, 'notes', 'shopping.md'), '# Shopping list\n\nMilk.\n');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('a second session reads no file and has the same entries', async () => {
    const first = await session();
    assert.deepEqual(first.counts, { parsed: FILES + 1, cached: 0 });
    assert.ok(fs.existsSync(path.join(cacheDir, CACHE_FILE_NAME)));
    const second = await session();
    assert.deepEqual(second.counts, { parsed: 0, cached: FILES + 1 });
    // As the client sees them (JSON): the cache keeps no undefined fields.
    assert.equal(JSON.stringify(second.index.all()), JSON.stringify(first.index.all()));
    assert.equal(second.index.size, FILES);
  });

  it('reads again a file that changed, and drops one that is gone', async () => {
    const first = await session();
    const changed = path.join(dir, 'postmortems', '2025-03-3.md');
    fs.writeFileSync(changed, smallPostmortem(3).replace('Add a canary stage 3', 'Add a canary stage, changed'));
    // A later modification time, as an editor's save gives (the test may run within one clock tick).
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(changed, later, later);
    fs.rmSync(path.join(dir, 'postmortems', '2025-03-4.md'));
    const second = await session();
    assert.deepEqual(second.counts, { parsed: 1, cached: FILES - 1 });
    assert.equal(second.index.size, first.index.size - 1);
    assert.ok(second.index.all().some((e) => e.actionItems.some((i) => i.text === 'Add a canary stage, changed')));
  });

  it('reads everything again under another configuration or another server build', async () => {
    await session();
    const otherConfig = await session(IndexCache.in(cacheDir), { severityScale: ['S1', 'S2', 'S3'] });
    assert.equal(otherConfig.counts.cached, 0);
    const otherBuild = await session(new IndexCache(path.join(cacheDir, CACHE_FILE_NAME), 'another build'));
    assert.equal(otherBuild.counts.cached, 0);
  });

  it('ignores a cache file that is not one, and writes a good one', async () => {
    fs.writeFileSync(path.join(cacheDir, CACHE_FILE_NAME), '{"build": 1, "files": [');
    const first = await session();
    assert.equal(first.counts.cached, 0);
    const second = await session();
    assert.equal(second.counts.parsed, 0);
  });

  it('an unwritable cache directory costs only speed', async () => {
    const blocked = path.join(cacheDir, 'blocked');
    fs.writeFileSync(blocked, 'a file where the directory should be');
    const { index, counts } = await session(IndexCache.in(path.join(blocked, 'sub')));
    assert.equal(counts.parsed, FILES + 1);
    assert.equal(index.size, FILES);
  });
});
