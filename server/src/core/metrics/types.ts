/** The figures computed from a workspace's postmortems. Rates are fractions 0..1; null when there is nothing to measure. */

/** A benchmark band from the domain guide. */
export type Band = 'excellent' | 'good' | 'acceptable' | 'poor' | 'critical';

/** How `byPeriod` groups incidents. */
export type GroupBy = 'month' | 'quarter';

/** What to measure. */
export interface MetricsOptions {
  /** First incident date counted (ISO, inclusive). */
  since?: string;
  /** Last incident date counted (ISO, inclusive). */
  until?: string;
  /** The day overdue action items are counted against. */
  today: string;
  groupBy?: GroupBy;
}

/** A name (root cause, service, tag) and how many incidents carry it, most first. */
export interface RankedName {
  name: string;
  count: number;
  /** The postmortems behind the count. */
  uris: string[];
}

/** Action-item follow-up. `completionRate = done / total`. */
export interface ActionItemFigures {
  total: number;
  done: number;
  inProgress: number;
  planned: number;
  blocked: number;
  /** Decided against. */
  wontDo: number;
  /** No recognisable status. */
  unknown: number;
  /** Open items whose deadline has passed on `today`. */
  overdue: number;
  completionRate: number | null;
}

/** Mean and median of a figure. */
export interface MeanMedian {
  mean: number | null;
  median: number | null;
}

/** The figures of one month or quarter. */
export interface PeriodFigures {
  /** `2026-01` or `2026-Q1`. */
  period: string;
  since: string;
  until: string;
  incidents: number;
  bySeverity: Record<string, number>;
  mttrMinutes: number | null;
  medianTtrMinutes: number | null;
  repeatRate: number | null;
  actionItems: ActionItemFigures;
  timeToPostmortemHours: MeanMedian;
  /** The postmortems of the period. */
  uris: string[];
}

/** An incident that repeats an earlier one. */
export interface RepeatIncident {
  uri: string;
  /** The earlier incident: its id, or its URI. */
  of: string;
  why: 'repeat_of' | 'rootCause';
}

/** A postmortem left out of some figures, and why. */
export interface Exclusion {
  uri: string;
  title?: string;
  /** The figure it is missing from: `all` when it could not be placed in a period. */
  figure: 'all' | 'mttr' | 'timeToPostmortem' | 'rootCause';
  reason: string;
}

/** One postmortem counted, for lists that open it. */
export interface CountedPostmortem {
  uri: string;
  title?: string;
  date: string;
  severity: string;
}

/** Everything the report, the server and the dashboard show. */
export interface Metrics {
  period: {
    since: string | null;
    until: string | null;
    /** Calendar months the period covers (given, or spanned by the data); null with no bounds and no data. */
    months: number | null;
    today: string;
    groupBy: GroupBy;
  };
  incidents: number;
  /** Count per severity, most severe first; `unspecified` last. */
  bySeverity: Record<string, number>;
  mttrMinutes: number | null;
  medianTtrMinutes: number | null;
  incidentsPerMonth: number | null;
  repeatRate: number | null;
  repeats: RepeatIncident[];
  actionItems: ActionItemFigures;
  timeToPostmortemHours: MeanMedian;
  topRootCauses: RankedName[];
  mostAffectedServices: RankedName[];
  topTags: RankedName[];
  ratings: { repeatRate: Band | null; completionRate: Band | null; timeToPostmortem: Band | null };
  byPeriod: PeriodFigures[];
  excluded: Exclusion[];
  postmortems: CountedPostmortem[];
}

/** Severity key for postmortems that give none. */
export const UNSPECIFIED_SEVERITY = 'unspecified';
