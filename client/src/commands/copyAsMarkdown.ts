import * as vscode from 'vscode';
import type { ActionItemInfo } from '../../../server/src/protocol';
import { itemAsMarkdown } from '../actionItemGrouping';

/** Copies an action item as a Markdown task line. */
export async function copyAsMarkdown(item: ActionItemInfo | undefined): Promise<void> {
  if (!item) return;
  await vscode.env.clipboard.writeText(itemAsMarkdown(item));
  void vscode.window.setStatusBarMessage('Action item copied as Markdown', 2000);
}
