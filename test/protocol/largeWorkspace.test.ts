import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { flattenActionItems, type ActionItemInfo, type PostmortemActionItems } from '../../server/src/protocol';
import { CACHE_FILE_NAME } from '../../server/src/workspace/indexCache';
import { WORKER_THRESHOLD } from '../../server/src/workspace/indexPool';
import { tempTree } from '../helpers/cli';
import { startServer, type TestClient } from '../helpers/lspClient';
import { smallPostmortem } from '../helpers/smallPostmortem';

/**
 * A workspace large enough for the bundled server to index in worker threads (dist/indexWorker.js): the
 * action items come back complete, and the workspace rules see every file through that index.
 */
describe('language server on a large workspace (index workers)', function () {
  this.timeout(60_000);
  const count = WORKER_THRESHOLD + 50;
  let tree: ReturnType<typeof tempTree>;
  let client: TestClient;
  let cacheDir: string;

  before(async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < count; n++) files[`postmortems/2025-03-${n}.md`] = smallPostmortem(n);
    // A second file that reuses an id, for PM050 to find through the index.
    files['postmortems/duplicate.md'] = smallPostmortem(17).replace('# Checkout outage 17', '# Checkout outage again');
    tree = tempTree(files);
    // Two workers whatever the machine: the bundled worker path is what this test is for.
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-index-cache-'));
    client = await startServer(tree.dir, { pull: true, env: { POSTMORTEM_LINT_INDEX_WORKERS: '2' }, initializationOptions: { indexCacheDir: cacheDir } });
  });
  after(async () => {
    await client?.stop();
    tree.cleanup();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('answers postmortemLint/actionItems with every item of every file', async () => {
    let items: ActionItemInfo[] = [];
    for (let tries = 0; tries < 600 && items.length === 0; tries++) {
      items = flattenActionItems((await client.connection.sendRequest('postmortemLint/actionItems', {})) as PostmortemActionItems[]);
      if (items.length === 0) await sleep(50);
    }
    assert.equal(items.length, 2 * (count + 1));
    const canary = items.find((i) => i.text === 'Add a canary stage 123');
    assert.equal(canary?.owner, '@dev4');
    assert.equal(canary?.postmortem.incidentId, 'INC-123');
    assert.equal(client.stderr.join('').includes('Error'), false, client.stderr.join(''));
  });

  it('workspace rules see the indexed files (PM050 names the file that shares the id)', async () => {
    const uri = pathToFileURL(path.join(tree.dir, 'postmortems/duplicate.md')).toString();
    await client.open(uri, smallPostmortem(17).replace('# Checkout outage 17', '# Checkout outage again'));
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    const duplicate = report.items.find((d) => d.code === 'PM050');
    assert.ok(duplicate, JSON.stringify(report.items.map((d) => d.code)));
    assert.match(duplicate.message, /2025-03-17\.md/);
  });

  it('writes its index cache on shutdown; the next start answers the same from it', async () => {
    const before = await client.connection.sendRequest('postmortemLint/actionItems', {});
    await client.stop();
    assert.ok(fs.existsSync(path.join(cacheDir, CACHE_FILE_NAME)));
    client = await startServer(tree.dir, { pull: true, initializationOptions: { indexCacheDir: cacheDir } });
    const after = await client.connection.sendRequest('postmortemLint/actionItems', {});
    assert.deepEqual(after, before);
  });
});
