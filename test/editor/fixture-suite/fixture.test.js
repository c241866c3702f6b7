// Proves the harness end to end: these run inside code-server's extension host against the real vscode API.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const extensionId = 'postmortem-lint.editor-harness-fixture';

function workspaceFile(name) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/**
 * Resolves when the extension is active. VS Code has no "extension activated" event, so this checks after each
 * editor change and, as a last resort, on a short interval, always with a deadline.
 */
function whenActive(extension, timeoutMs) {
  if (extension.isActive) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error) => {
      clearInterval(interval);
      clearTimeout(deadline);
      listener.dispose();
      if (error) reject(error);
      else resolve();
    };
    const check = () => extension.isActive && done();
    const listener = vscode.window.onDidChangeActiveTextEditor(check);
    const interval = setInterval(check, 50);
    const deadline = setTimeout(() => done(new Error(`${extension.id} did not activate within ${timeoutMs} ms`)), timeoutMs);
  });
}

/** Resolves with the next change to the document at `uri`. */
function nextChange(uri) {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString() && event.contentChanges.length > 0) {
        listener.dispose();
        resolve(event);
      }
    });
  });
}

describe('editor harness (fixture extension in code-server)', () => {
  it('runs against VS Code 1.100 with the fixture workspace open', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    assert.equal(vscode.workspace.workspaceFolders[0].name, 'fixture-workspace');
  });

  it('activates the fixture extension when a Markdown document opens', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, 'the extension under development is loaded');
    assert.equal(extension.isActive, false, 'nothing activates it before a Markdown document opens');
    const document = await vscode.workspace.openTextDocument(workspaceFile('incident.md'));
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    await whenActive(extension, 10000);
    assert.equal(extension.exports.markdownOpenAtActivation, true);
  });

  it('runs its command on the open document', async () => {
    const count = await vscode.commands.executeCommand('editorHarnessFixture.countHeadings');
    assert.equal(count, 4);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('editorHarnessFixture.countHeadings'));
  });

  it('edits and saves a Markdown document in the workspace copy', async () => {
    const uri = workspaceFile('incident.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const edited = nextChange(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), '\n## Lessons learned\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await edited;
    assert.equal(document.isDirty, true);
    assert.equal(await vscode.commands.executeCommand('editorHarnessFixture.countHeadings', uri), 5);
    assert.equal(await document.save(), true);
    assert.equal(document.isDirty, false);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(onDisk, /^## Lessons learned$/m);
  });
});
