import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRangesRequest } from '../../../server/src/protocol';

/** Formats (aligns, pads and sorts) the timeline table(s) of the active postmortem. */
export async function formatTimeline(client: LanguageClient): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const document = editor.document;
  const ranges = await client.sendRequest(TimelineRangesRequest.type, { uri: document.uri.toString() });
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage('This postmortem has no timeline table to format.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const range of ranges) {
    const vsRange = client.protocol2CodeConverter.asRange(range);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatRangeProvider', document.uri, vsRange, editor.options);
    for (const e of edits ?? []) edit.replace(document.uri, e.range, e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}
