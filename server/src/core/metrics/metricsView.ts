/** The body of the HTML report and the dashboard: cards, charts and lists. Every document string is escaped. */
import { actionItemsChart, incidentsChart, mttrChart, rankedChart, severityClass } from './charts';
import { drawConclusions, renderConclusion } from './conclusions';
import { escapeHtml } from './escape';
import { decimal, hours, minutes, percent, periodLabel, share } from './format';
import type { Band, Metrics, RankedName } from './types';

/** Chart and layout rules; colours come from the `--pm-*` variables each page defines. */
export const VIEW_CSS = `
body { background: var(--pm-bg); color: var(--pm-fg); font-family: var(--pm-font); margin: 0; padding: 16px 24px; line-height: 1.4; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.1em; margin: 20px 0 8px; }
.sub { color: var(--pm-muted); margin: 0 0 16px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--pm-border); border-left: 6px solid var(--pm-border); border-radius: 4px; padding: 10px 12px; }
.card .value { font-size: 1.6em; font-weight: 600; } .card .name, .card .note { color: var(--pm-muted); font-size: 0.9em; }
.band-excellent { border-left-color: var(--pm-excellent); } .band-good { border-left-color: var(--pm-good); }
.band-acceptable { border-left-color: var(--pm-acceptable); } .band-poor { border-left-color: var(--pm-poor); }
.band-critical { border-left-color: var(--pm-critical); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 8px 24px; }
.chart { max-width: 640px; } .chart text { fill: var(--pm-fg); font-size: 12px; } .chart .tick { fill: var(--pm-muted); }
.chart .axis { stroke: var(--pm-border); } .chart .line { fill: none; stroke: var(--pm-accent); stroke-width: 2; }
.chart .dot, .chart .rank { fill: var(--pm-accent); } .chart .empty { fill: var(--pm-border); }
.sev-0 { fill: var(--pm-sev0); } .sev-1 { fill: var(--pm-sev1); } .sev-2 { fill: var(--pm-sev2); } .sev-3 { fill: var(--pm-sev3); } .sev-x { fill: var(--pm-sevx); }
.st-done { fill: var(--pm-excellent); } .st-progress { fill: var(--pm-accent); } .st-planned { fill: var(--pm-sevx); }
.st-blocked { fill: var(--pm-critical); } .st-other { fill: var(--pm-border); }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; }
.legend .sev-0 { background: var(--pm-sev0); } .legend .sev-1 { background: var(--pm-sev1); } .legend .sev-2 { background: var(--pm-sev2); }
.legend .sev-3 { background: var(--pm-sev3); } .legend .sev-x { background: var(--pm-sevx); }
ol, ul { padding-left: 22px; } li { margin: 2px 0; } .muted { color: var(--pm-muted); }
[data-uri], [data-uris] { cursor: pointer; }
`;

const BAND_NOTE: Record<Band, string> = { excellent: 'excellent', good: 'good', acceptable: 'acceptable', poor: 'poor', critical: 'critical' };
const FIGURE_NAMES = { all: 'every figure', mttr: 'MTTR', timeToPostmortem: 'time to postmortem', rootCause: 'root causes' };

function card(name: string, value: string, note: string, band: Band | null): string {
  return `<div class="card${band ? ` band-${band}` : ''}"><div class="name">${name}</div><div class="value">${value}</div><div class="note">${note}</div></div>`;
}

function rankedList(list: RankedName[], total: number): string {
  if (!list.length) return '<p class="muted">None recorded.</p>';
  const items = list.slice(0, 10).map(
    (r) => `<li data-uri="${escapeHtml(r.uris[0])}" data-uris="${escapeHtml(r.uris.join(' '))}">${escapeHtml(r.name)} <span class="muted">${r.count} (${share(r.count, total)})</span></li>`,
  );
  return `<ol>${items.join('')}</ol>`;
}

/** The page body for the figures. */
export function renderMetricsBody(m: Metrics): string {
  const severities = Object.keys(m.bySeverity);
  const label = escapeHtml(periodLabel(m.period, m.postmortems.map((p) => p.date)));
  const unit = m.period.groupBy;
  const legend = severities.map((s) => `<span class="${severityClass(s, severities)}"></span>${escapeHtml(s)} ${m.bySeverity[s]}`).join('');
  const ttp = m.timeToPostmortemHours;
  const parts = [
    `<h1>Incident Trends</h1><p class="sub">${label} · ${m.incidents} incident${m.incidents === 1 ? '' : 's'} · action items counted on ${escapeHtml(m.period.today)}</p>`,
    '<section class="cards">',
    card('MTTR', minutes(m.mttrMinutes), `median ${minutes(m.medianTtrMinutes)}`, null),
    card('Incidents per month', decimal(m.incidentsPerMonth), m.period.months === null ? 'no period' : `over ${m.period.months} month${m.period.months === 1 ? '' : 's'}`, null),
    card('Repeat rate', percent(m.repeatRate), bandNote(m.ratings.repeatRate, `${m.repeats.length} repeat${m.repeats.length === 1 ? '' : 's'}`), m.ratings.repeatRate),
    card('Action items done', percent(m.actionItems.completionRate), bandNote(m.ratings.completionRate, `${m.actionItems.done} of ${m.actionItems.total}, ${m.actionItems.overdue} overdue`), m.ratings.completionRate),
    card('Time to postmortem', hours(ttp.median), bandNote(m.ratings.timeToPostmortem, `median; mean ${hours(ttp.mean)}`), m.ratings.timeToPostmortem),
    '</section>',
    '<section class="grid">',
    `<div><h2>Incidents per ${unit} by severity</h2>${incidentsChart(m.byPeriod, severities)}<div class="legend">${legend}</div></div>`,
    `<div><h2>MTTR per ${unit}</h2>${mttrChart(m.byPeriod)}</div>`,
    `<div><h2>Top root causes</h2>${rankedChart(m.topRootCauses, 'Top root causes')}</div>`,
    `<div><h2>Action items by status</h2>${actionItemsChart(m.actionItems)}</div>`,
    '</section>',
    '<section class="grid">',
    `<div><h2>Conclusions</h2><ul>${drawConclusions(m).map((c) => `<li>${renderConclusion(c, escapeHtml)}</li>`).join('')}</ul></div>`,
    `<div><h2>Top root causes</h2>${rankedList(m.topRootCauses, m.incidents)}</div>`,
    `<div><h2>Most affected services</h2>${rankedList(m.mostAffectedServices, m.incidents)}</div>`,
    `<div><h2>Top tags</h2>${rankedList(m.topTags, m.incidents)}</div>`,
    '</section>',
    `<h2>Postmortems</h2>${postmortemList(m)}`,
  ];
  if (m.excluded.length) {
    const items = m.excluded.map((e) => `<li data-uri="${escapeHtml(e.uri)}">${escapeHtml(e.title ?? e.uri)} <span class="muted">(${FIGURE_NAMES[e.figure]}): ${escapeHtml(e.reason)}</span></li>`);
    parts.push(`<h2>Left out</h2><ul>${items.join('')}</ul>`);
  }
  return parts.join('\n');
}

function bandNote(band: Band | null, detail: string): string {
  return band ? `${BAND_NOTE[band]} · ${detail}` : detail;
}

function postmortemList(m: Metrics): string {
  if (!m.postmortems.length) return '<p class="muted">No incident in this period.</p>';
  const repeatOf = new Map(m.repeats.map((r) => [r.uri, r.of]));
  const items = [...m.postmortems].reverse().map((p) => {
    const repeat = repeatOf.get(p.uri);
    return `<li data-uri="${escapeHtml(p.uri)}">${escapeHtml(p.date)} · ${escapeHtml(p.severity)} · ${escapeHtml(p.title ?? p.uri)}${repeat ? ` <span class="muted">(repeats ${escapeHtml(repeat)})</span>` : ''}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}
