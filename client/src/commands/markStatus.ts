import * as vscode from 'vscode';
import type { ActionItemInfo } from '../../../server/src/protocol';
import { statusReplacement, type NewStatus } from '../statusEdit';

/**
 * Gives an action item a new status through a WorkspaceEdit, so that it can be undone like any edit.
 * With no item (command palette), the item under the cursor is used.
 */
export async function markStatus(item: ActionItemInfo | undefined, status: NewStatus, all: ActionItemInfo[]): Promise<boolean> {
  const target = item ?? itemAtCursor(all);
  if (!target) {
    void vscode.window.showInformationMessage('Put the cursor on an action item, or use the Action Items view.');
    return false;
  }
  const uri = vscode.Uri.parse(target.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const replacements = statusReplacement(target, status, document.lineAt(target.range.start.line).text);
  if ('problem' in replacements) {
    void vscode.window.showWarningMessage(replacements.problem);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const r of replacements) {
    edit.replace(uri, new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character), r.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

function itemAtCursor(all: ActionItemInfo[]): ActionItemInfo | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const uri = editor.document.uri.toString();
  const line = editor.selection.active.line;
  return all.find((i) => i.uri === uri && i.range.start.line <= line && line <= i.range.end.line);
}
