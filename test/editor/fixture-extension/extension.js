// A fixture for the editor test harness, not a product: it shows that an extension under development loads in
// code-server, activates on a Markdown document and runs a command against the real editor.
'use strict';
const vscode = require('vscode');

/** Counts ATX headings ("# Title") in the active editor, or in the document given by URI. */
async function countHeadings(uri) {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  let count = 0;
  for (let line = 0; line < document.lineCount; line++) {
    if (/^#{1,6}\s/.test(document.lineAt(line).text)) count++;
  }
  return count;
}

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('editorHarnessFixture.countHeadings', countHeadings));
  // Returned to tests through `extension.exports`, the same way the real extension will expose its test API.
  return { markdownOpenAtActivation: vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown') };
}

function deactivate() {}

module.exports = { activate, deactivate };
