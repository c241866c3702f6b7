import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IndexChangedNotification } from '../../server/src/protocol';
import { copyAsMarkdown } from './commands/copyAsMarkdown';
import { formatTimeline } from './commands/formatTimeline';
import { markStatus } from './commands/markStatus';
import { newPostmortem, type NewPostmortemArgs } from './commands/newPostmortem';
import { ActionItemsView, actionItemOf } from './actionItemsView';
import { IncidentsView } from './incidentsView';
import { createLanguageClient, readSettings } from './languageClient';
import { postmortemMarkdownIt } from './preview/postmortemMarkdownIt';
import type MarkdownIt from 'markdown-it';
import { exportTrendReport, MetricsPanel } from './metricsPanel';
import { OverdueStatusBar } from './statusBar';

/** What `activate` returns: the Markdown preview hook, and the running parts for the extension's own editor tests. */
export interface PostmortemLintApi {
  /** Called by the built-in Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  client: LanguageClient;
  actionItems: ActionItemsView;
  incidents: IncidentsView;
  statusBar: OverdueStatusBar;
  metrics: MetricsPanel;
  /** Resolves once the workspace has been indexed and the views show the latest index. */
  refreshed(): Promise<void>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemLintApi> {
  const output = vscode.window.createOutputChannel('Postmortem Lint');
  client = createLanguageClient(context, output);
  const languageClient = client;
  const actionItems = new ActionItemsView(languageClient);
  const incidents = new IncidentsView(languageClient);
  const statusBar = new OverdueStatusBar();
  const metrics = new MetricsPanel(languageClient, context.extensionUri);
  actionItems.onDidLoadItems((items) => statusBar.update(items));
  context.subscriptions.push(output, actionItems, incidents, statusBar, metrics);

  let refreshing: Promise<void> = Promise.resolve();
  const refresh = () => (refreshing = Promise.all([actionItems.refresh(), incidents.refresh(), metrics.refresh()]).then(() => undefined, (error) => output.appendLine(`Refreshing the views failed: ${String(error)}`)));

  const command = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('postmortemLint.newPostmortem', (args?: NewPostmortemArgs) => newPostmortem(args));
  command('postmortemLint.formatTimeline', () => formatTimeline(languageClient));
  command('postmortemLint.markDone', (node?: unknown) => markStatus(actionItemOf(node), 'done', actionItems.allItems));
  command('postmortemLint.markInProgress', (node?: unknown) => markStatus(actionItemOf(node), 'inProgress', actionItems.allItems));
  command('postmortemLint.markBlocked', (node?: unknown) => markStatus(actionItemOf(node), 'blocked', actionItems.allItems));
  command('postmortemLint.copyAsMarkdown', (node?: unknown) => copyAsMarkdown(actionItemOf(node)));
  command('postmortemLint.groupByStatus', () => actionItems.setGroupBy('status'));
  command('postmortemLint.groupByOwner', () => actionItems.setGroupBy('owner'));
  command('postmortemLint.groupByPostmortem', () => actionItems.setGroupBy('postmortem'));
  command('postmortemLint.showDone', () => actionItems.toggleShowDone());
  command('postmortemLint.hideDone', () => actionItems.toggleShowDone());
  command('postmortemLint.filterByOwner', () => actionItems.filterByOwner());
  command('postmortemLint.refresh', () => refresh());
  command('postmortemLint.showMetrics', () => metrics.show());
  command('postmortemLint.exportTrendReport', (target?: vscode.Uri) => exportTrendReport(languageClient, target));
  command('postmortemLint.showOutput', () => output.show(true));
  command('postmortemLint.restartServer', async () => {
    await languageClient.restart();
    await refresh();
  });

  // The server scans the workspace after it starts and says so; until then the views are empty.
  let markIndexed: () => void = () => undefined;
  const indexed = new Promise<void>((resolve) => (markIndexed = resolve));
  languageClient.onNotification(IndexChangedNotification.type, () => void refresh().then(markIndexed));
  await languageClient.start();
  await refresh();
  const extendMarkdownIt = (md: MarkdownIt) => md.use(postmortemMarkdownIt, { today: () => readSettings(undefined).today || undefined });
  return { extendMarkdownIt, client: languageClient, actionItems, incidents, statusBar, metrics, refreshed: () => indexed.then(() => refreshing) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
