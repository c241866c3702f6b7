import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { serverExecArgv } from '../../../server/src/launchOptions';
import { api, closeAll, codeOf, diagnosticsOf, EXTENSION_ID, lintDiagnostics, open, waitFor, workspaceFile } from './helpers';

const CHECKOUT = ['postmortems', '2026-01-08-checkout.md'];

/** Applies a code action's edit and returns the document text after it. */
async function applyAction(action: vscode.CodeAction, uri: vscode.Uri): Promise<string> {
  assert.ok(action.edit, `${action.title} has an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('postmortem-lint in VS Code', function () {
  this.timeout(60_000);
  afterEach(closeAll);

  it('activates on a Markdown file and starts its server', async () => {
    await open(workspaceFile(...CHECKOUT));
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const running = await api();
    assert.equal(extension.isActive, true);
    assert.equal(running.client.isRunning(), true);
  });

  it('reports problems in a postmortem and none in a README', async () => {
    const uri = workspaceFile(...CHECKOUT);
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'PM023'), 'PM023 on the checkout postmortem');
    const vague = diagnostics.find((d) => codeOf(d) === 'PM023')!;
    assert.equal(vague.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(String((vague.code as { target: vscode.Uri }).target), /PM023-vague-action-item\.md$/);
    const readme = workspaceFile('README.md');
    await open(readme);
    // The README has the same vague item: it must stay clean once the server has answered for it.
    await api();
    assert.deepEqual(lintDiagnostics(readme), []);
  });

  it('applies a blameless rewrite and a missing-section fix from the quick fixes', async () => {
    const uri = workspaceFile(...CHECKOUT);
    await open(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'PM030'), 'PM030');
    const blame = diagnostics.find((d) => codeOf(d) === 'PM030')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, blame.range, vscode.CodeActionKind.QuickFix.value);
    const rewrite = actions.find((a) => a.title.startsWith('Replace "dropped the ball"'));
    assert.ok(rewrite, actions.map((a) => a.title).join(' | '));
    assert.match(await applyAction(rewrite, uri), /the on-call engineer did not follow up/);
    // The DNS postmortem has no timeline: the fix inserts the section.
    const dns = workspaceFile('postmortems', '2026-01-03-dns.md');
    await open(dns);
    const missing = (await diagnosticsOf(dns, (d) => d.some((x) => codeOf(x) === 'PM001'), 'PM001')).find((d) => codeOf(d) === 'PM001')!;
    const sectionFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', dns, missing.range, vscode.CodeActionKind.QuickFix.value);
    const add = sectionFixes.find((a) => a.isPreferred && a.title.includes('Timeline'))!;
    assert.ok(add, sectionFixes.map((a) => a.title).join(' | '));
    assert.match(await applyAction(add, dns), /\n## Timeline\n/);
  });

  it('fixes every safe problem with source.fixAll', async () => {
    const uri = workspaceFile(...CHECKOUT);
    await open(uri);
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'PM033'), 'PM033');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.postmortem-lint');
    assert.ok(fixAll, actions.map((a) => a.title).join(' | '));
    const text = await applyAction(fixAll, uri);
    assert.doesNotMatch(text, /ghp_R8x2/);
    assert.match(text, /\*\*Duration:\*\* 70min/);
  });

  it('formats and sorts the timeline table', async () => {
    const uri = workspaceFile(...CHECKOUT);
    const editor = await open(uri);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits.length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    await vscode.workspace.applyEdit(edit);
    const text = editor.document.getText();
    assert.match(text, /\| 14:10 +\| Latency alert +\|\n\| 14:25 +\| Dashboard shows the pool at its limit \|\n\| 14:40 +\| Pool size raised +\|/);
  });

  it('completes statuses in the Status column and owners from the workspace', async () => {
    const uri = workspaceFile(...CHECKOUT);
    const editor = await open(uri);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('| Improve monitoring'));
    const statusAt = new vscode.Position(line, editor.document.lineAt(line).text.lastIndexOf('|') - 1);
    const statuses = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, statusAt);
    assert.ok(statuses.items.some((i) => i.label === '✅ Done'), statuses.items.map((i) => String(i.label)).join(', '));
    const ownerAt = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('| SRE') + 2);
    const ownersList = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, ownerAt);
    assert.ok(ownersList.items.some((i) => i.label === 'Backend'), ownersList.items.map((i) => String(i.label)).join(', '));
  });

  it('shows the action items of the workspace, overdue first, and the overdue count', async () => {
    const running = await api();
    await running.refreshed();
    const groups = running.actionItems.groups();
    assert.equal(groups[0].label, 'Overdue');
    assert.ok(groups[0].items.some((i) => i.text === 'Improve monitoring'));
    assert.match(running.statusBar.text ?? '', /\$\(warning\) \d+ overdue/);
    assert.ok(running.incidents.all.some((i) => i.incidentId === 'INC-2026-01-08'));
  });

  it('marks an action item done through an undoable edit', async () => {
    const running = await api();
    await running.refreshed();
    const item = running.actionItems.allItems.find((i) => i.text.startsWith('Cap the pool'))!;
    const editor = await open(vscode.Uri.parse(item.uri));
    assert.ok(await vscode.commands.executeCommand('postmortemLint.markDone', { kind: 'item', item }));
    assert.match(editor.document.lineAt(item.range.start.line).text, /✅ Done/);
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.lineAt(item.range.start.line).text, /🔄 In Progress/);
  });

  it('creates a new postmortem at the configured path, never overwriting', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const created = await vscode.commands.executeCommand<vscode.Uri>('postmortemLint.newPostmortem', { title: 'Cache stampede: part 1', severity: 'P1', date: '2026-01-14', folder });
    assert.equal(vscode.workspace.asRelativePath(created, false), 'postmortems/2026/01-january/2026-01-14-cache-stampede-part-1.md');
    const text = (await vscode.workspace.openTextDocument(created)).getText();
    assert.match(text, /^---\nincident_id: INC-2026-01-14\ntitle: "Cache stampede: part 1"/);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortemLint.newPostmortem', { title: 'Cache stampede: part 1', severity: 'P1', date: '2026-01-14', folder });
    assert.equal(again, undefined, 'an existing file is never overwritten');
    await vscode.workspace.fs.delete(created);
  });

  it('clears diagnostics when a postmortem is closed or deleted', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'postmortems', 'scratch.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Postmortem: scratch\n\n## Action Items\n\n- Improve monitoring\n'));
    await open(uri);
    await diagnosticsOf(uri, (d) => d.length > 0, 'diagnostics on the scratch postmortem');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => lintDiagnostics(uri).length === 0, 'diagnostics cleared');
  });

  it('lints again when the settings change', async () => {
    const uri = workspaceFile(...CHECKOUT);
    await open(uri);
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'PM023'), 'PM023 before');
    const config = vscode.workspace.getConfiguration('postmortemLint');
    await config.update('rules', { PM023: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsOf(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'PM023'), 'PM023 gone after the setting');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('metrics in VS Code', function () {
  this.timeout(60_000);

  it('shows the dashboard with escaped content and a strict CSP, and exports the trend report', async () => {
    const running = await api();
    await vscode.commands.executeCommand('postmortemLint.showMetrics');
    const html = running.metrics.html;
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script(?![^>]*nonce=)/, 'every script carries the nonce');
    assert.match(html, /Postmortem Metrics/);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const target = vscode.Uri.joinPath(folder, 'incident-trends.md');
    const written = await vscode.commands.executeCommand<vscode.Uri>('postmortemLint.exportTrendReport', target);
    const report = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
    assert.match(report, /Incident Trends/);
    await vscode.workspace.fs.delete(target);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('server crash recovery in VS Code', function () {
  this.timeout(90_000);
  // vscode-languageclient's State.Running.
  const RUNNING = 2;

  it('starts the server process with the Node options for this machine', async function () {
    const running = await api();
    const { pid } = await running.client.sendRequest<{ pid: number }>('postmortemLint/serverInfo', {});
    const wanted = serverExecArgv();
    // Machines with more than four cores get Node's defaults; only Linux shows a process's arguments this way.
    if (wanted.length === 0 || !fs.existsSync(`/proc/${pid}/cmdline`)) this.skip();
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    for (const option of wanted) assert.ok(args.includes(option), `${option} in ${args.join(' ')}`);
  });

  it('restarts the server after its process is killed, and diagnostics come back', async () => {
    const running = await api();
    const before = await running.client.sendRequest<{ pid: number }>('postmortemLint/serverInfo', {});
    const restarted = new Promise<void>((resolve) => {
      const listener = running.client.onDidChangeState((event) => {
        if (event.newState !== RUNNING) return;
        listener.dispose();
        resolve();
      });
    });
    process.kill(before.pid, 'SIGKILL');
    await restarted;
    const after = await running.client.sendRequest<{ pid: number }>('postmortemLint/serverInfo', {});
    assert.notEqual(after.pid, before.pid, 'a new server process');
    const uri = workspaceFile(...CHECKOUT);
    const editor = await open(uri);
    // An edit makes the editor ask the new server for diagnostics of the new version.
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
    await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'PM023'), 'diagnostics from the restarted server');
    await closeAll();
  });
});
