import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderDashboard } from '../../server/src/core/metrics/dashboardHtml';
import { renderMarkdownReport } from '../../server/src/core/metrics/reportMarkdown';
import { MetricsRequest } from '../../server/src/protocol';

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Z0-9]/gi, '');
}

/**
 * The metrics dashboard: one webview with a strict CSP (nonce script, no remote resources, local resources
 * limited to the extension's media folder), refreshed when the workspace index changes.
 */
export class MetricsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The HTML last rendered (tests read it). */
  html = '';

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async show(): Promise<void> {
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel('postmortemLint.metrics', 'Postmortem Metrics', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [media],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type?: string; uris?: unknown }) => void this.open(message));
    }
    this.panel.reveal();
    await this.refresh();
  }

  /** Re-renders an open dashboard (called when the index changes). */
  async refresh(): Promise<void> {
    if (!this.panel) return;
    const webview = this.panel.webview;
    const metrics = await this.client.sendRequest(MetricsRequest.type, {});
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'dashboard.js')).toString();
    this.html = renderDashboard(metrics, { nonce: nonce(), cspSource: webview.cspSource, links: { script } });
    webview.html = this.html;
  }

  /** Opens the postmortems behind a clicked entry; only file URIs the server reported are accepted. */
  private async open(message: { type?: string; uris?: unknown }): Promise<void> {
    if (message.type !== 'open' || !Array.isArray(message.uris)) return;
    const uris = message.uris.filter((u): u is string => typeof u === 'string' && u.startsWith('file:')).map((u) => vscode.Uri.parse(u));
    if (uris.length === 1) {
      await vscode.window.showTextDocument(uris[0]);
      return;
    }
    const picked = await vscode.window.showQuickPick(
      uris.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { placeHolder: 'Open which postmortem?' },
    );
    if (picked) await vscode.window.showTextDocument(picked.uri);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Writes the Markdown trend report to a file the user picks. Returns the file, if written. */
export async function exportTrendReport(client: LanguageClient, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const metrics = await client.sendRequest(MetricsRequest.type, {});
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'incident-trends.md') : undefined,
      filters: { Markdown: ['md'] },
      saveLabel: 'Export Trend Report',
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderMarkdownReport(metrics)));
  return uri;
}
