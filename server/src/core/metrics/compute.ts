import { daysOverdue } from '../model/actionItemQueries';
import { daysBetween } from '../model/dates';
import { termSimilarity } from '../model/similarity';
import { completionRateBand, repeatRateBand, timeToPostmortemBand } from './bands';
import { causeTermsOf, type MetricsInput } from './input';
import { monthsSpanned, periodsBetween } from './periods';
import {
  UNSPECIFIED_SEVERITY,
  type ActionItemFigures,
  type Exclusion,
  type MeanMedian,
  type Metrics,
  type MetricsOptions,
  type PeriodFigures,
  type RankedName,
  type RepeatIncident,
} from './types';

/** An incident repeats an earlier one with the same root cause within this many days (as rule PM051). */
export const REPEAT_WINDOW_DAYS = 180;
/** How alike two root causes must be to count as the same (PM051's default). */
export const SAME_CAUSE_SIMILARITY = 0.5;

type Dated = MetricsInput & { date: string };

/** Computes the figures for the incidents dated within the period. */
export function computeMetrics(inputs: readonly MetricsInput[], options: MetricsOptions): Metrics {
  const groupBy = options.groupBy ?? 'month';
  const excluded: Exclusion[] = [];
  const dated: Dated[] = [];
  for (const input of inputs) {
    if (input.date) dated.push(input as Dated);
    else excluded.push({ uri: input.uri, title: input.title, figure: 'all', reason: 'no incident date (front matter date or an Incident Date field)' });
  }
  dated.sort(byTime);
  const inPeriod = dated.filter((i) => (!options.since || i.date >= options.since) && (!options.until || i.date <= options.until));
  const repeats = findRepeats(dated, new Set(inPeriod));

  for (const input of inPeriod) {
    if (input.durationMinutes === undefined) excluded.push({ uri: input.uri, title: input.title, figure: 'mttr', reason: input.durationMissing ?? 'no duration' });
    if (input.timeToPostmortemHours === undefined) {
      excluded.push({ uri: input.uri, title: input.title, figure: 'timeToPostmortem', reason: input.timeToPostmortemMissing ?? 'not published' });
    }
    if (!causeTermsOf(input).length) excluded.push({ uri: input.uri, title: input.title, figure: 'rootCause', reason: 'no root cause written' });
  }

  const from = options.since ?? inPeriod[0]?.date;
  const to = options.until ?? inPeriod[inPeriod.length - 1]?.date;
  const months = from && to && from <= to ? monthsSpanned(from, to) : null;
  const all = figures(inPeriod, repeats, options.today);
  const byPeriod: PeriodFigures[] = from && to && from <= to
    ? periodsBetween(from, to, groupBy).map((p) => ({
        ...p,
        ...figures(inPeriod.filter((i) => i.date >= p.since && i.date <= p.until), repeats, options.today),
      }))
    : [];
  const median = all.timeToPostmortemHours.median;
  return {
    period: { since: options.since ?? null, until: options.until ?? null, months, today: options.today, groupBy },
    incidents: all.incidents,
    bySeverity: all.bySeverity,
    mttrMinutes: all.mttrMinutes,
    medianTtrMinutes: all.medianTtrMinutes,
    incidentsPerMonth: months ? all.incidents / months : null,
    repeatRate: all.repeatRate,
    repeats: inPeriod.map((i) => repeats.get(i)).filter((r): r is RepeatIncident => r !== undefined),
    actionItems: all.actionItems,
    timeToPostmortemHours: all.timeToPostmortemHours,
    topRootCauses: rootCauseClusters(inPeriod),
    mostAffectedServices: rank(inPeriod, (i) => i.services),
    topTags: rank(inPeriod, (i) => i.tags),
    ratings: {
      repeatRate: repeatRateBand(all.repeatRate),
      completionRate: completionRateBand(all.actionItems.completionRate),
      // The median: one postmortem written months late should not hide that the rest are prompt.
      timeToPostmortem: timeToPostmortemBand(median),
    },
    byPeriod,
    excluded,
    postmortems: inPeriod.map((i) => ({ uri: i.uri, title: i.title, date: i.date, severity: i.severity ?? UNSPECIFIED_SEVERITY })),
  };
}

type Figures = Omit<PeriodFigures, 'period' | 'since' | 'until'>;

function figures(incidents: Dated[], repeats: Map<MetricsInput, RepeatIncident>, today: string): Figures {
  const durations = incidents.flatMap((i) => (i.durationMinutes === undefined ? [] : [i.durationMinutes]));
  const hours = incidents.flatMap((i) => (i.timeToPostmortemHours === undefined ? [] : [i.timeToPostmortemHours]));
  const ttr = meanMedian(durations);
  return {
    incidents: incidents.length,
    bySeverity: bySeverity(incidents),
    mttrMinutes: ttr.mean,
    medianTtrMinutes: ttr.median,
    repeatRate: incidents.length ? incidents.filter((i) => repeats.has(i)).length / incidents.length : null,
    actionItems: actionItemFigures(incidents, today),
    timeToPostmortemHours: meanMedian(hours),
    uris: incidents.map((i) => i.uri),
  };
}

function byTime(a: Dated, b: Dated): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (a.start ?? 0) - (b.start ?? 0);
}

/**
 * Which incidents of the period repeat an earlier one: the author said so (`repeat_of`), or an earlier
 * incident (of any period) within the window has the same root cause. `dated` is in time order.
 */
function findRepeats(dated: Dated[], wanted: Set<Dated>): Map<MetricsInput, RepeatIncident> {
  const repeats = new Map<MetricsInput, RepeatIncident>();
  dated.forEach((incident, k) => {
    if (!wanted.has(incident)) return;
    if (incident.repeatOf.length) {
      repeats.set(incident, { uri: incident.uri, of: incident.repeatOf[0], why: 'repeat_of' });
      return;
    }
    if (!causeTermsOf(incident).length) return;
    // Nearest earlier incident first; the window bounds the look-back, so this stays linear in practice.
    for (let j = k - 1; j >= 0; j--) {
      const earlier = dated[j];
      const days = daysBetween(earlier.date, incident.date);
      if (days > REPEAT_WINDOW_DAYS) break;
      const before = days > 0 || (earlier.start !== undefined && incident.start !== undefined && earlier.start < incident.start);
      if (before && termSimilarity(causeTermsOf(incident), causeTermsOf(earlier)) >= SAME_CAUSE_SIMILARITY) {
        repeats.set(incident, { uri: incident.uri, of: earlier.incidentId ?? earlier.uri, why: 'rootCause' });
        return;
      }
    }
  });
  return repeats;
}

function bySeverity(incidents: MetricsInput[]): Record<string, number> {
  const counts = new Map<string, { count: number; rank: number }>();
  for (const i of incidents) {
    const key = i.severity ?? UNSPECIFIED_SEVERITY;
    const rank = i.severity === undefined ? Number.MAX_SAFE_INTEGER : (i.severityRank ?? Number.MAX_SAFE_INTEGER - 1);
    const entry = counts.get(key) ?? { count: 0, rank };
    entry.count++;
    counts.set(key, entry);
  }
  const sorted = [...counts].sort(([a, x], [b, y]) => x.rank - y.rank || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted.map(([key, { count }]) => [key, count]));
}

function actionItemFigures(incidents: MetricsInput[], today: string): ActionItemFigures {
  const f: ActionItemFigures = { total: 0, done: 0, inProgress: 0, planned: 0, blocked: 0, wontDo: 0, unknown: 0, overdue: 0, completionRate: null };
  for (const item of incidents.flatMap((i) => i.actionItems)) {
    f.total++;
    f[item.status]++;
    if (daysOverdue(item.deadline, item.status === 'done' || item.status === 'wontDo', today) !== undefined) f.overdue++;
  }
  f.completionRate = f.total ? f.done / f.total : null;
  return f;
}

/** Mean and median; nulls for no values. */
export function meanMedian(values: number[]): MeanMedian {
  if (!values.length) return { mean: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return {
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
    median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
  };
}

/** Counts names (case-insensitive, first spelling kept), most first, then by name. */
function rank(incidents: MetricsInput[], names: (i: MetricsInput) => string[]): RankedName[] {
  const counts = new Map<string, RankedName>();
  for (const incident of incidents) {
    for (const name of new Set(names(incident).map((n) => n.trim()).filter(Boolean))) {
      const key = name.toLowerCase();
      const entry = counts.get(key) ?? { name, count: 0, uris: [] };
      if (!entry.uris.includes(incident.uri)) {
        entry.count++;
        entry.uris.push(incident.uri);
      }
      counts.set(key, entry);
    }
  }
  return sortRanked([...counts.values()]);
}

/** Groups alike root causes (same test as a repeat), named by the earliest wording. */
function rootCauseClusters(incidents: Dated[]): RankedName[] {
  const clusters: (RankedName & { terms: string[] })[] = [];
  for (const incident of incidents) {
    if (!incident.rootCause || !causeTermsOf(incident).length) continue;
    const cluster = clusters.find((c) => termSimilarity(c.terms, causeTermsOf(incident)) >= SAME_CAUSE_SIMILARITY);
    if (cluster) {
      cluster.count++;
      cluster.uris.push(incident.uri);
    } else {
      clusters.push({ name: incident.rootCause, count: 1, uris: [incident.uri], terms: causeTermsOf(incident) });
    }
  }
  return sortRanked(clusters.map(({ name, count, uris }) => ({ name, count, uris })));
}

function sortRanked(list: RankedName[]): RankedName[] {
  return list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}
