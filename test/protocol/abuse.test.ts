import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { tempTree } from '../helpers/cli';
import { startServer, type TestClient } from '../helpers/lspClient';

/**
 * The server over stdio against a misbehaving client: broken frames, unknown methods, unknown documents,
 * edits out of range, cancellation storms, exit without shutdown. After each, it still answers.
 */
const DOC = '---\nincident_id: INC-1\ndate: 2026-01-08\nseverity: P2\n---\n\n# Postmortem: Checkout latency\n\n## Action Items\n\n- Improve monitoring\n';

function frame(body: string | Buffer, length?: number): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${length ?? bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

describe('language server under abuse (stdio)', function () {
  this.timeout(60_000);
  let tree: ReturnType<typeof tempTree>;
  let client: TestClient;
  let uri: string;

  beforeEach(async () => {
    tree = tempTree({ 'postmortems/2026-01-08-checkout.md': DOC });
    // A symlink loop in the workspace: the index walk must still finish (startServer waits for it).
    fs.symlinkSync('..', path.join(tree.dir, 'postmortems', 'loop'));
    client = await startServer(tree.dir, { pull: true });
    uri = pathToFileURL(path.join(tree.dir, 'postmortems/2026-01-08-checkout.md')).toString();
    await client.open(uri, DOC);
  });
  afterEach(async () => {
    await client?.stop();
    tree.cleanup();
  });

  /** A valid request the server must still answer. */
  async function stillAnswers(): Promise<void> {
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code?: unknown }[] };
    assert.ok(report.items.some((d) => d.code === 'PM023'), 'diagnostics after the abuse');
    assert.equal(client.process.exitCode, null, 'still running');
  }

  it('survives bad JSON, a non-object message and unknown junk in valid frames', async () => {
    client.process.stdin.write(frame('{"jsonrpc": "2.0", "id": 99, "method": '));
    client.process.stdin.write(frame('[1, 2, 3]'));
    client.process.stdin.write(frame('42'));
    client.process.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":null}'));
    await stillAnswers();
  });

  it('exits (so the client restarts it) when a wrong Content-Length breaks the framing, instead of hanging mute', async () => {
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'workspace/didChangeWatchedFiles', params: { changes: [] } });
    client.process.stdin.write(frame(body, 10));
    client.process.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 77, method: 'shutdown' })));
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 10_000))]);
    assert.equal(code, 1);
    assert.match(client.stderr.join(''), /message stream is corrupt/);
  });

  it('answers unknown methods with MethodNotFound', async () => {
    await assert.rejects(client.connection.sendRequest('postmortemLint/noSuchThing', {}), (error: { code?: number }) => error.code === -32601);
    await client.connection.sendNotification('postmortemLint/noSuchNotification', { x: 1 });
    await stillAnswers();
  });

  it('answers requests for unknown documents with empty results', async () => {
    const ghost = pathToFileURL(path.join(tree.dir, 'nowhere.md')).toString();
    const pos = { line: 0, character: 0 };
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ghost }, position: pos })) as Hover | null;
    assert.equal(hover, null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: ghost }, range: { start: pos, end: pos }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: ghost }, options: { tabSize: 2, insertSpaces: true } }), []);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    await stillAnswers();
  });

  it('takes edits with out-of-range positions (clamped, no crash)', async () => {
    const far = { start: { line: 10_000, character: 5 }, end: { line: 20_000, character: 99 } };
    const backwards = { start: { line: 3, character: 50 }, end: { line: 1, character: -4 } };
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: far, text: '\n## Timeline\n' }, { range: backwards, text: '' }, { range: { start: { line: -1, character: -1 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99_999, character: 99_999 } });
    await hover;
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] };
    assert.ok(Array.isArray(report.items));
    assert.equal(client.process.exitCode, null);
  });

  it('survives a cancellation storm', async () => {
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const id = 10_000 + i;
      const method = i % 2 ? 'textDocument/diagnostic' : 'textDocument/codeLens';
      client.process.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id, method, params: { textDocument: { uri } } })));
      client.process.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } })));
    }
    // Cancelled and answered ones alike come back on stdout and are ignored by the client (unknown ids).
    pending.push(stillAnswers());
    await Promise.all(pending);
  });

  it('exits on exit without shutdown', async () => {
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    await client.connection.sendNotification('exit');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 5000))]);
    assert.notEqual(code, 'timeout', 'the process exits');
    assert.equal(code, 1, 'LSP: exit without shutdown exits with 1');
  });
});
