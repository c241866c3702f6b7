/** The metrics dashboard for a VS Code webview: the complete page, themed by the editor's colours. */
import { escapeHtml } from './escape';
import { renderMetricsBody, VIEW_CSS } from './metricsView';
import type { Metrics } from './types';

/** What the webview gives the page. */
export interface DashboardOptions {
  /** A fresh random value per render; the only style sheet and scripts allowed carry it. */
  nonce: string;
  /** The webview's `cspSource`: local resources (the script below) may come from there. */
  cspSource: string;
  /** Webview URIs (`webview.asWebviewUri`) of the extension's own files the page loads. */
  links?: {
    /** The script that turns clicks on `[data-uri]`/`[data-uris]` into messages to the extension. */
    script?: string;
  };
}

/** Maps the page's colours onto the VS Code theme, so the dashboard follows light, dark and high-contrast themes. */
const THEME = `
:root { --pm-font: var(--vscode-font-family); --pm-bg: var(--vscode-editor-background); --pm-fg: var(--vscode-foreground);
  --pm-muted: var(--vscode-descriptionForeground); --pm-border: var(--vscode-panel-border, var(--vscode-widget-border, currentColor));
  --pm-accent: var(--vscode-charts-blue); --pm-sev0: var(--vscode-charts-red); --pm-sev1: var(--vscode-charts-orange);
  --pm-sev2: var(--vscode-charts-yellow); --pm-sev3: var(--vscode-charts-blue); --pm-sevx: var(--vscode-charts-foreground, var(--vscode-descriptionForeground));
  --pm-excellent: var(--vscode-charts-green); --pm-good: var(--vscode-charts-green); --pm-acceptable: var(--vscode-charts-yellow);
  --pm-poor: var(--vscode-charts-orange); --pm-critical: var(--vscode-charts-red); }
body { font-size: var(--vscode-font-size); }
li[data-uri]:hover, g[data-uris]:hover { opacity: 0.8; text-decoration: underline; }
`;

/** Renders the whole webview page. Document strings are escaped; nothing remote is referenced. */
export function renderDashboard(metrics: Metrics, options: DashboardOptions): string {
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}'; img-src ${options.cspSource} data:;`;
  const script = options.links?.script ? `<script nonce="${nonce}" src="${escapeHtml(options.links.script)}"></script>` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => escapeHtml(c))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Postmortem Metrics</title>',
    `<style nonce="${nonce}">${THEME}${VIEW_CSS}</style>`,
    '</head>',
    '<body>',
    renderMetricsBody(metrics),
    script,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
