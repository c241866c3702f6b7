/** Conclusions drawn from the figures, as plain sentences (the caller escapes them for its format). */
import { hours, minutes, percent, plural, share } from './format';
import type { Metrics, PeriodFigures } from './types';

/** A sentence with the document strings it quotes kept apart, so each output can escape them. */
export interface Conclusion {
  /** Text with `{0}`, `{1}` where the quoted names go. */
  template: string;
  names: string[];
}

const c = (template: string, ...names: string[]): Conclusion => ({ template, names });

/** What the figures say, most telling first; empty when there is nothing to conclude. */
export function drawConclusions(m: Metrics): Conclusion[] {
  const n = m.incidents;
  if (n === 0) return [c('No incident in this period, so there is no trend to read.')];
  const out: Conclusion[] = [];
  for (const cause of m.topRootCauses.filter((r) => r.count >= 2).slice(0, 2)) {
    out.push(c(`${share(cause.count, n)} of incidents (${cause.count} of ${n}) come from the same root cause, "{0}": fix it at the source.`, cause.name));
  }
  const service = m.mostAffectedServices[0];
  if (service && service.count >= 2) {
    out.push(c(`{0} was affected by ${service.count} of ${n} incidents (${share(service.count, n)}), more than any other service: a first candidate for hardening.`, service.name));
  }
  if (m.repeatRate !== null) {
    const repeats = m.repeats.length;
    const verdict =
      m.ratings.repeatRate === 'excellent' ? 'postmortems are preventing recurrences'
        : m.ratings.repeatRate === 'good' ? 'within the good band (10–20%)'
          : 'action items are not stopping incidents from coming back';
    out.push(c(`${repeats} of ${plural(n, 'incident')} (${percent(m.repeatRate)}) ${repeats === 1 ? 'repeats' : 'repeat'} an earlier one (${m.ratings.repeatRate}): ${verdict}.`));
  }
  const a = m.actionItems;
  if (a.total > 0) {
    const open = [a.overdue ? `${a.overdue} open ${a.overdue === 1 ? 'item is past its' : 'items are past their'} deadline` : '', a.blocked ? `${a.blocked} ${a.blocked === 1 ? 'is' : 'are'} blocked` : '']
      .filter(Boolean)
      .join(' and ');
    out.push(c(`${a.done} of ${a.total} action items are done (${percent(a.completionRate)}, ${m.ratings.completionRate})${open ? `; ${open}` : ''}.`));
  }
  const trend = mttrTrend(m.byPeriod);
  if (trend) out.push(c(trend));
  const ttp = m.timeToPostmortemHours.median;
  if (ttp !== null) out.push(c(`Postmortems are published a median ${hours(ttp)} after the incident starts (${m.ratings.timeToPostmortem}).`));
  const noDuration = m.excluded.filter((e) => e.figure === 'mttr').length;
  if (noDuration) out.push(c(`MTTR ${minutes(m.mttrMinutes)} covers ${n - noDuration} of ${n} incidents: ${plural(noDuration, 'postmortem')} ${noDuration === 1 ? 'gives' : 'give'} no duration.`));
  return out;
}

/** MTTR from the first period with a figure to the last, when there are two. */
function mttrTrend(periods: PeriodFigures[]): string | undefined {
  const measured = periods.filter((p) => p.mttrMinutes !== null);
  if (measured.length < 2) return undefined;
  const first = measured[0];
  const last = measured[measured.length - 1];
  const a = first.mttrMinutes!;
  const b = last.mttrMinutes!;
  if (Math.round(a) === Math.round(b)) return `MTTR held at ${minutes(b)} from ${first.period} to ${last.period}.`;
  const change = Math.round((Math.abs(b - a) / a) * 100);
  return `MTTR ${b < a ? 'fell' : 'rose'} ${change}% from ${minutes(a)} in ${first.period} to ${minutes(b)} in ${last.period}${b < a ? '' : ': recovery is getting slower'}.`;
}

/** Fills a conclusion's names in, escaped for the output format. */
export function renderConclusion(conclusion: Conclusion, escape: (name: string) => string): string {
  return conclusion.template.replace(/\{(\d)\}/g, (_, k: string) => escape(conclusion.names[Number(k)] ?? ''));
}
