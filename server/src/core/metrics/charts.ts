/**
 * Plain inline SVG charts. Colours come only from CSS classes (no style attributes), so a page with a strict
 * Content Security Policy can theme them from its one nonce'd style sheet.
 */
import { escapeHtml } from './escape';
import { minutes } from './format';
import type { ActionItemFigures, PeriodFigures, RankedName } from './types';

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 64, right: 10, top: 10, bottom: 30 };

/** The colour class of a severity: its position among the period's severities (the four first), `sev-x` otherwise. */
export function severityClass(severity: string, severities: string[]): string {
  const k = severities.indexOf(severity);
  return severity !== 'unspecified' && k >= 0 && k < 4 ? `sev-${k}` : 'sev-x';
}

function svg(label: string, body: string, height = HEIGHT): string {
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>${body}</svg>`;
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Vertical axis ticks from 0 to max (whole numbers when the values are counts). */
function yAxis(max: number, plotHeight: number, label: (v: number) => string): string {
  const parts = [`<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotHeight}"/>`];
  for (const v of [0, max / 2, max]) {
    const y = PAD.top + plotHeight - (max ? (v / max) * plotHeight : 0);
    parts.push(`<text class="tick" x="${PAD.left - 4}" y="${n(y + 4)}" text-anchor="end">${escapeHtml(label(v))}</text>`);
  }
  return parts.join('');
}

function xLabels(periods: PeriodFigures[], step: number, plotHeight: number): string {
  // Label at most twelve periods so that the labels never overlap.
  const every = Math.max(1, Math.ceil(periods.length / 12));
  return periods
    .map((p, k) => (k % every ? '' : `<text class="tick" x="${n(PAD.left + step * (k + 0.5))}" y="${PAD.top + plotHeight + 18}" text-anchor="middle">${escapeHtml(p.period)}</text>`))
    .join('');
}

/** Incidents per period, stacked by severity; each bar carries the period's postmortems in `data-uris`. */
export function incidentsChart(periods: PeriodFigures[], severities: string[]): string {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, periods.length);
  const max = Math.max(1, ...periods.map((p) => p.incidents));
  const bars = periods.map((p, k) => {
    let y = PAD.top + plotHeight;
    const x = PAD.left + step * k + step * 0.15;
    const rects = Object.entries(p.bySeverity).map(([severity, count]) => {
      const h = (count / max) * plotHeight;
      y -= h;
      return `<rect class="${severityClass(severity, severities)}" x="${n(x)}" y="${n(y)}" width="${n(step * 0.7)}" height="${n(h)}"><title>${escapeHtml(`${p.period}: ${count} ${severity}`)}</title></rect>`;
    });
    return `<g class="bar" data-uris="${escapeHtml(p.uris.join(' '))}">${rects.join('')}</g>`;
  });
  return svg('Incidents per period by severity', yAxis(max, plotHeight, (v) => (Number.isInteger(v) ? String(v) : '')) + bars.join('') + xLabels(periods, step, plotHeight));
}

/** Mean time to recovery per period as a line; periods without a figure leave a gap. */
export function mttrChart(periods: PeriodFigures[]): string {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, periods.length);
  const max = Math.max(1, ...periods.map((p) => p.mttrMinutes ?? 0));
  const points = periods.map((p, k) =>
    p.mttrMinutes === null ? undefined : { x: PAD.left + step * (k + 0.5), y: PAD.top + plotHeight - (p.mttrMinutes / max) * plotHeight, p },
  );
  const segments: string[] = [];
  let run: string[] = [];
  for (const point of [...points, undefined]) {
    if (point) run.push(`${n(point.x)},${n(point.y)}`);
    else {
      if (run.length > 1) segments.push(`<polyline class="line" points="${run.join(' ')}"/>`);
      run = [];
    }
  }
  const dots = points
    .filter((pt) => pt !== undefined)
    .map((pt) => `<circle class="dot" cx="${n(pt.x)}" cy="${n(pt.y)}" r="4" data-uris="${escapeHtml(pt.p.uris.join(' '))}"><title>${escapeHtml(`${pt.p.period}: ${minutes(pt.p.mttrMinutes)}`)}</title></circle>`);
  return svg('Mean time to recovery per period', yAxis(max, plotHeight, (v) => minutes(v)) + segments.join('') + dots.join('') + xLabels(periods, step, plotHeight));
}

/** Horizontal bars for a ranked list (top root causes), labelled with the names. */
export function rankedChart(list: RankedName[], label: string, limit = 6): string {
  const shown = list.slice(0, limit);
  const row = 28;
  const height = Math.max(row, shown.length * row) + 10;
  const max = Math.max(1, ...shown.map((r) => r.count));
  const labelWidth = 260;
  const barSpace = WIDTH - labelWidth - 40;
  const rows = shown.map((r, k) => {
    const y = 5 + k * row;
    const name = r.name.length > 40 ? `${r.name.slice(0, 39)}…` : r.name;
    return (
      `<g class="bar" data-uris="${escapeHtml(r.uris.join(' '))}">` +
      `<text class="label" x="${labelWidth - 6}" y="${y + 17}" text-anchor="end">${escapeHtml(name)}</text>` +
      `<rect class="rank" x="${labelWidth}" y="${y + 4}" width="${n((r.count / max) * barSpace)}" height="${row - 8}"><title>${escapeHtml(`${r.name}: ${r.count}`)}</title></rect>` +
      `<text class="tick" x="${n(labelWidth + (r.count / max) * barSpace + 6)}" y="${y + 17}">${r.count}</text></g>`
    );
  });
  return svg(label, shown.length ? rows.join('') : `<text class="tick" x="10" y="20">None recorded</text>`, height);
}

/** The action items' states as one stacked bar with a legend. */
export function actionItemsChart(a: ActionItemFigures): string {
  const states: [keyof ActionItemFigures, string, string][] = [
    ['done', 'Done', 'st-done'],
    ['inProgress', 'In progress', 'st-progress'],
    ['planned', 'Planned', 'st-planned'],
    ['blocked', 'Blocked', 'st-blocked'],
    ['wontDo', "Won't do", 'st-other'],
    ['unknown', 'No status', 'st-other'],
  ];
  const barWidth = WIDTH - 20;
  let x = 10;
  const rects: string[] = [];
  const legend: string[] = [];
  states.forEach(([key, name, cls], k) => {
    const count = a[key] as number;
    if (a.total && count) {
      const w = (count / a.total) * barWidth;
      rects.push(`<rect class="${cls}" x="${n(x)}" y="10" width="${n(w)}" height="30"><title>${escapeHtml(`${name}: ${count}`)}</title></rect>`);
      x += w;
    }
    legend.push(`<rect class="${cls}" x="${10 + k * 98}" y="54" width="10" height="10"/><text class="tick" x="${24 + k * 98}" y="63">${escapeHtml(`${name} ${count}`)}</text>`);
  });
  const empty = a.total ? '' : '<rect class="empty" x="10" y="10" width="580" height="30"/>';
  return svg('Action items by status', empty + rects.join('') + legend.join(''), 75);
}
