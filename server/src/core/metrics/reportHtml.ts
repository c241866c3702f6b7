/** The self-contained HTML trend report: inline CSS and SVG, no script, nothing loaded from anywhere. */
import { escapeHtml } from './escape';
import { periodLabel } from './format';
import { renderMetricsBody, VIEW_CSS } from './metricsView';
import type { Metrics } from './types';

const PALETTE = `
:root { color-scheme: light dark; --pm-font: system-ui, -apple-system, "Segoe UI", sans-serif;
  --pm-bg: #ffffff; --pm-fg: #1f2328; --pm-muted: #656d76; --pm-border: #d0d7de; --pm-accent: #0969da;
  --pm-sev0: #cf222e; --pm-sev1: #e16f24; --pm-sev2: #bf8700; --pm-sev3: #0969da; --pm-sevx: #8c959f;
  --pm-excellent: #1a7f37; --pm-good: #57ab5a; --pm-acceptable: #bf8700; --pm-poor: #e16f24; --pm-critical: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --pm-bg: #0d1117; --pm-fg: #e6edf3; --pm-muted: #8d96a0; --pm-border: #30363d; --pm-accent: #4493f8;
  --pm-sev0: #f85149; --pm-sev1: #f0883e; --pm-sev2: #d29922; --pm-sev3: #4493f8; --pm-excellent: #3fb950; --pm-good: #57ab5a;
  --pm-acceptable: #d29922; --pm-poor: #f0883e; --pm-critical: #f85149; } }
`;

/** Renders the report as one HTML file. */
export function renderHtmlReport(m: Metrics): string {
  const title = `Incident Trends: ${periodLabel(m.period, m.postmortems.map((p) => p.date))}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The report embeds everything it shows; forbid anything else, should a reader open it from a shared drive.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PALETTE}${VIEW_CSS}</style>`,
    '</head>',
    '<body>',
    renderMetricsBody(m),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
