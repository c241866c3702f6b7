import * as vscode from 'vscode';
import { DEFAULT_PATH_PATTERN, postmortemPath } from '../postmortemPath';
import { postmortemTemplate } from '../postmortemTemplate';

const SEVERITIES = [
  { label: 'P0', description: 'Critical: production down for all users (postmortem due in 24 hours)' },
  { label: 'P1', description: 'High: partial downtime, over half of users (due in 3 days)' },
  { label: 'P2', description: 'Medium: degraded performance (due in a week)' },
  { label: 'P3', description: 'Low: minor issue (optional)' },
];

/** Answers the command would otherwise ask for (tests pass them; people are asked). */
export interface NewPostmortemArgs {
  title?: string;
  severity?: string;
  date?: string;
  folder?: vscode.Uri;
}

/**
 * Asks for a title, a severity and the incident date, then creates the postmortem from the template at the
 * configured path. Never overwrites a file; the title cannot steer the path out of the workspace folder.
 * Returns the new file's URI (undefined when cancelled or refused).
 */
export async function newPostmortem(args: NewPostmortemArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = args.folder ?? (await pickFolder());
  if (!folder) {
    void vscode.window.showErrorMessage('Open a folder first: the postmortem is created inside it.');
    return undefined;
  }
  const title = args.title ?? (await vscode.window.showInputBox({ prompt: 'Incident title', placeHolder: 'Primary database down after its disk filled', validateInput: (v) => (v.trim() ? undefined : 'A title is needed.') }));
  if (!title) return undefined;
  const severity = args.severity ?? (await vscode.window.showQuickPick(SEVERITIES, { placeHolder: 'Severity' }))?.label;
  if (!severity) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const date = args.date ?? (await vscode.window.showInputBox({ prompt: 'Incident date (YYYY-MM-DD)', value: today, validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'Write the date as YYYY-MM-DD.') }));
  if (!date) return undefined;
  const pattern = vscode.workspace.getConfiguration('postmortemLint', folder).get('newPostmortemPath', DEFAULT_PATH_PATTERN);
  const { path, problem } = postmortemPath(pattern, title, date);
  if (!path) {
    void vscode.window.showErrorMessage(`Cannot create the postmortem: ${problem}`);
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder, ...path.split('/'));
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showErrorMessage(`${path} already exists; postmortem-lint never overwrites a file.`);
    return undefined;
  } catch {
    // Not there yet: good.
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(postmortemTemplate({ title: title.trim(), severity, date })) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not create ${path}.`);
    return undefined;
  }
  await vscode.window.showTextDocument(target);
  return target;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the postmortem in…' }))?.uri;
}
