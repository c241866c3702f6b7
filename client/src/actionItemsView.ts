import * as vscode from 'vscode';
import { ActionItemsRequest, flattenActionItems, type ActionItemInfo } from '../../server/src/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { groupActionItems, itemDescription, owners, type GroupBy, type ItemGroup } from './actionItemGrouping';

type Node = { kind: 'group'; group: ItemGroup } | { kind: 'item'; item: ActionItemInfo };

const STATE_ICONS: Record<string, [string, string | undefined]> = {
  overdue: ['warning', 'list.errorForeground'],
  inProgress: ['sync', 'charts.blue'],
  planned: ['calendar', undefined],
  blocked: ['circle-slash', 'list.warningForeground'],
  unknown: ['question', undefined],
  done: ['pass', 'charts.green'],
  wontDo: ['close', 'disabledForeground'],
};

/** The Action Items view: every action item of the workspace's postmortems, from the server's index. */
export class ActionItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items: ActionItemInfo[] = [];
  private groupBy: GroupBy = 'status';
  private showDone = false;
  private owner: string | undefined;
  readonly view: vscode.TreeView<Node>;
  private readonly onItems = new vscode.EventEmitter<ActionItemInfo[]>();
  /** Fires after every refresh with the items (the status bar listens). */
  readonly onDidLoadItems = this.onItems.event;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('postmortemLint.actionItems', { treeDataProvider: this, showCollapseAll: true });
    void this.syncContext();
  }

  /** All items the server knows, as last loaded. */
  get allItems(): ActionItemInfo[] {
    return this.items;
  }

  /** The first level of the tree as it is shown now (tests read it). */
  groups(): ItemGroup[] {
    return groupActionItems(this.items, { groupBy: this.groupBy, showDone: this.showDone, owner: this.owner });
  }

  async refresh(): Promise<void> {
    this.items = flattenActionItems(await this.client.sendRequest(ActionItemsRequest.type, {}));
    const overdue = this.items.filter((i) => i.overdueDays !== undefined).length;
    this.view.badge = overdue ? { value: overdue, tooltip: `${overdue} overdue action item${overdue === 1 ? '' : 's'}` } : undefined;
    this.view.message = this.owner ? `Showing items of ${this.owner}` : undefined;
    this.changed.fire(undefined);
    this.onItems.fire(this.items);
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    void this.syncContext();
    this.changed.fire(undefined);
  }

  toggleShowDone(): void {
    this.showDone = !this.showDone;
    void this.syncContext();
    this.changed.fire(undefined);
  }

  async filterByOwner(): Promise<void> {
    const picked = await vscode.window.showQuickPick(['$(clear-all) All owners', ...owners(this.items)], { placeHolder: 'Show the action items of…' });
    if (picked === undefined) return;
    this.owner = picked.startsWith('$(clear-all)') ? undefined : picked;
    this.view.message = this.owner ? `Showing items of ${this.owner}` : undefined;
    void this.syncContext();
    this.changed.fire(undefined);
  }

  private async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'postmortemLint.groupBy', this.groupBy);
    await vscode.commands.executeCommand('setContext', 'postmortemLint.showDone', this.showDone);
    await vscode.commands.executeCommand('setContext', 'postmortemLint.ownerFilter', this.owner !== undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups().map((group) => ({ kind: 'group', group }));
    return node.kind === 'group' ? node.group.items.map((item) => ({ kind: 'item', item })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.group.label} (${node.group.items.length})`, vscode.TreeItemCollapsibleState.Expanded);
      const icon = node.group.state ? STATE_ICONS[node.group.state] : undefined;
      if (icon) item.iconPath = new vscode.ThemeIcon(icon[0], icon[1] ? new vscode.ThemeColor(icon[1]) : undefined);
      item.contextValue = 'group';
      return item;
    }
    const info = node.item;
    const item = new vscode.TreeItem(info.text, vscode.TreeItemCollapsibleState.None);
    item.description = itemDescription(info);
    const state = info.overdueDays !== undefined ? 'overdue' : info.status;
    const icon = STATE_ICONS[state] ?? STATE_ICONS.unknown;
    item.iconPath = new vscode.ThemeIcon(icon[0], icon[1] ? new vscode.ThemeColor(icon[1]) : undefined);
    item.tooltip = new vscode.MarkdownString(undefined, false);
    item.tooltip.appendText(`${info.text}\n\n${info.postmortem.title ?? ''}`);
    item.contextValue = `actionItem.${info.status}`;
    item.command = {
      command: 'vscode.open',
      title: 'Open',
      arguments: [vscode.Uri.parse(info.uri), { selection: new vscode.Range(info.range.start.line, info.range.start.character, info.range.start.line, info.range.start.character) }],
    };
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
    this.onItems.dispose();
  }
}

/** The action item a tree node or the cursor points at. */
export function actionItemOf(node: unknown): ActionItemInfo | undefined {
  return (node as { kind?: string; item?: ActionItemInfo })?.kind === 'item' ? (node as { item: ActionItemInfo }).item : undefined;
}
