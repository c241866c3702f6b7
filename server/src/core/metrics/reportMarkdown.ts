/** The Markdown trend report, in the shape of the guide's quarterly "Incident Trends" review. */
import { drawConclusions, renderConclusion } from './conclusions';
import { escapeMarkdown } from './escape';
import { decimal, hours, minutes, percent, periodLabel, plural, share } from './format';
import type { Metrics, RankedName } from './types';

const FIGURE_NAMES = { all: 'every figure', mttr: 'MTTR', timeToPostmortem: 'time to postmortem', rootCause: 'root causes' };

/** Renders the report; every string taken from a postmortem is escaped. */
export function renderMarkdownReport(m: Metrics, title = 'Incident Trends'): string {
  const n = m.incidents;
  const out: string[] = [];
  out.push(`# ${title}: ${periodLabel(m.period, m.postmortems.map((p) => p.date))}`, '');
  out.push(`Total incidents: ${n}${m.incidentsPerMonth !== null ? ` (${decimal(m.incidentsPerMonth)} per month over ${plural(m.period.months ?? 0, 'month')})` : ''}`);
  for (const [severity, count] of Object.entries(m.bySeverity)) out.push(`- ${escapeMarkdown(severity)}: ${count} (${share(count, n)})`);
  out.push('');

  out.push('## Effectiveness', '');
  out.push('| Metric | Value | Band |', '| --- | --- | --- |');
  out.push(`| MTTR (mean time to recovery) | ${minutes(m.mttrMinutes)} (median ${minutes(m.medianTtrMinutes)}) | |`);
  out.push(`| Incidents per month | ${decimal(m.incidentsPerMonth)} | |`);
  out.push(`| Repeat rate | ${percent(m.repeatRate)} | ${m.ratings.repeatRate ?? '—'} |`);
  out.push(`| Action item completion | ${percent(m.actionItems.completionRate)} | ${m.ratings.completionRate ?? '—'} |`);
  out.push(`| Time to postmortem | ${hours(m.timeToPostmortemHours.mean)} mean, ${hours(m.timeToPostmortemHours.median)} median | ${m.ratings.timeToPostmortem ?? '—'} |`, '');

  out.push('## Top Root Causes', '', ...ranked(m.topRootCauses, (r) => `${r.count} (${share(r.count, n)})`), '');
  out.push('## Most Affected Services', '', ...ranked(m.mostAffectedServices, (r) => plural(r.count, 'incident')), '');
  if (m.topTags.length) out.push('## Top Tags', '', ...ranked(m.topTags, (r) => plural(r.count, 'incident')), '');

  const a = m.actionItems;
  out.push('## Action Items', '');
  out.push(`- Total created: ${a.total}`);
  out.push(`- Completed: ${a.done} (${share(a.done, a.total)})`);
  out.push(`- In Progress: ${a.inProgress} (${share(a.inProgress, a.total)})`);
  out.push(`- Planned: ${a.planned} (${share(a.planned, a.total)})`);
  out.push(`- Blocked: ${a.blocked} (${share(a.blocked, a.total)})`);
  if (a.wontDo) out.push(`- Won't do: ${a.wontDo} (${share(a.wontDo, a.total)})`);
  if (a.unknown) out.push(`- No status: ${a.unknown} (${share(a.unknown, a.total)})`);
  out.push(`- Overdue on ${m.period.today}: ${a.overdue}`, '');

  if (m.byPeriod.length > 1) {
    const unit = m.period.groupBy === 'month' ? 'Month' : 'Quarter';
    out.push(`## By ${unit.toLowerCase()}`, '');
    out.push(`| ${unit} | Incidents | MTTR | Repeat rate | Items done | Time to postmortem (median) |`, '| --- | --: | --: | --: | --: | --: |');
    for (const p of m.byPeriod) {
      out.push(`| ${p.period} | ${p.incidents} | ${minutes(p.mttrMinutes)} | ${percent(p.repeatRate)} | ${percent(p.actionItems.completionRate)} | ${hours(p.timeToPostmortemHours.median)} |`);
    }
    out.push('');
  }

  out.push('## Conclusions', '');
  for (const conclusion of drawConclusions(m)) out.push(`- ${renderConclusion(conclusion, escapeMarkdown)}`);
  out.push('');

  if (m.excluded.length) {
    out.push('## Left out', '');
    for (const e of m.excluded) out.push(`- ${escapeMarkdown(e.uri)} (${FIGURE_NAMES[e.figure]}): ${escapeMarkdown(e.reason)}`);
    out.push('');
  }
  return out.join('\n');
}

function ranked(list: RankedName[], figure: (r: RankedName) => string): string[] {
  if (!list.length) return ['None recorded.'];
  return list.slice(0, 10).map((r, k) => `${k + 1}. ${escapeMarkdown(r.name)}: ${figure(r)}`);
}
