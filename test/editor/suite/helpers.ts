import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemLintApi } from '../../../client/src/extension';

/** The extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'postmortem-lint.postmortem-lint';

/** Activates the extension (if needed) and returns its test API. */
export async function api(): Promise<PostmortemLintApi> {
  const extension = vscode.extensions.getExtension<PostmortemLintApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Resolves when `check` is true, re-checking on each event; rejects after `timeoutMs`. Never sleeps. */
export function waitFor<T>(event: vscode.Event<T>, check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const listener = event(() => {
      if (!check()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

/** The postmortem-lint diagnostics of a document. */
export function lintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem-lint');
}

/** Rule id of a diagnostic. */
export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until the document has diagnostics satisfying `accept`. */
export async function diagnosticsOf(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  await waitFor(vscode.languages.onDidChangeDiagnostics, () => accept(lintDiagnostics(uri)), what);
  return lintDiagnostics(uri);
}

/** A file of the first workspace folder. */
export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Opens a document in an editor. */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Reverts and closes every editor, so tests do not leak edits into each other. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
