import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IncidentsRequest, type IncidentInfo } from '../../server/src/protocol';

/** "4h 28min" from minutes. */
function duration(minutes: number | undefined): string | undefined {
  if (minutes === undefined) return undefined;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}h${m ? ` ${m}min` : ''}` : `${m}min`;
}

/** The Incidents view: every postmortem, newest first, with severity, duration and open/overdue counts. */
export class IncidentsView implements vscode.TreeDataProvider<IncidentInfo>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IncidentInfo | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private incidents: IncidentInfo[] = [];
  readonly view: vscode.TreeView<IncidentInfo>;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('postmortemLint.incidents', { treeDataProvider: this });
  }

  /** As shown, newest incident first (tests read it). */
  get all(): IncidentInfo[] {
    return [...this.incidents].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.title ?? '').localeCompare(b.title ?? ''));
  }

  async refresh(): Promise<void> {
    this.incidents = await this.client.sendRequest(IncidentsRequest.type, {});
    await vscode.commands.executeCommand('setContext', 'postmortemLint.hasPostmortems', this.incidents.length > 0);
    this.changed.fire(undefined);
  }

  getChildren(node?: IncidentInfo): IncidentInfo[] {
    return node ? [] : this.all;
  }

  getTreeItem(incident: IncidentInfo): vscode.TreeItem {
    const label = [incident.date, incident.title ?? incident.uri.slice(incident.uri.lastIndexOf('/') + 1)].filter(Boolean).join(' ');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const open = incident.openItems ? `${incident.openItems} open` : undefined;
    const overdue = incident.overdueItems ? `${incident.overdueItems} overdue` : undefined;
    item.description = [incident.severity, duration(incident.durationMinutes), open, overdue].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(incident.overdueItems ? 'warning' : 'file-text', incident.overdueItems ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.resourceUri = vscode.Uri.parse(incident.uri);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(incident.uri)] };
    item.contextValue = 'incident';
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
