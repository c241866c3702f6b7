import * as vscode from 'vscode';
import type { ActionItemInfo } from '../../server/src/protocol';

/** "$(warning) 3 overdue" while there are overdue action items; a click focuses the Action Items view. */
export class OverdueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('postmortemLint.overdue', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Postmortem Overdue Action Items';
    this.item.command = 'postmortemLint.actionItems.focus';
  }

  /** The text shown, or undefined when hidden (tests read it). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  update(items: ActionItemInfo[]): void {
    const overdue = items.filter((i) => i.overdueDays !== undefined).length;
    this.visible = overdue > 0;
    if (!this.visible) {
      this.item.hide();
      return;
    }
    this.item.text = `$(warning) ${overdue} overdue`;
    this.item.tooltip = `${overdue} postmortem action item${overdue === 1 ? ' is' : 's are'} past their deadline`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
