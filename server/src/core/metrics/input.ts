import { daysBetween, parseDuration } from '../model/dates';
import { elapsedMinutes, timePoint } from '../model/durationClaims';
import { frontMatterEntry } from '../model/frontMatter';
import { headerField, readIncidentStart, readPublished } from '../model/incidentTimes';
import { findField } from '../model/parse';
import { termsOnDemand } from '../model/similarity';
import type { ActionItemStatus, PostmortemDocument } from '../model/types';
import { summarizeIncident, type IncidentSummary } from '../workspace';

/** An action item as the metrics need it: its state and its deadline (overdue depends on the day asked). */
export interface MetricsActionItem {
  status: ActionItemStatus | 'unknown';
  /** ISO deadline when a real date is given. */
  deadline?: string;
}

/**
 * What the metrics know of one postmortem. Small on purpose: the server index keeps one per file, so it
 * holds figures and short labels, never the text or the model.
 */
export interface MetricsInput {
  uri: string;
  title?: string;
  incidentId?: string;
  /** ISO incident date (date fields, else the first dated timeline entry); without it the postmortem cannot be placed in a period. */
  date?: string;
  /** Incident start, minutes since 1970-01-01 UTC, to order incidents of the same day. */
  start?: number;
  /** Severity level on the configured scale, else as written. */
  severity?: string;
  /** Position on the severity scale, 0 = most severe. */
  severityRank?: number;
  durationMinutes?: number;
  /** Why there is no duration, when there is none. */
  durationMissing?: string;
  /** Hours from the incident start to `published:`. */
  timeToPostmortemHours?: number;
  /** Why there is no time to postmortem, when there is none. */
  timeToPostmortemMissing?: string;
  /** Front matter `root_cause` (a team's short label), else the Root Cause text; cut to a label's length. */
  rootCause?: string;
  tags: string[];
  services: string[];
  repeatOf: string[];
  actionItems: MetricsActionItem[];
}

/** Longest root cause kept: enough to recognise it in a list. */
const MAX_CAUSE = 160;

/** Builds the metrics input of a parsed postmortem (pass its summary when it is already made: it is not cheap). */
export function metricsInput(doc: PostmortemDocument, uri: string, summary: IncidentSummary = summarizeIncident(doc, uri)): MetricsInput {
  const start = readIncidentStart(doc);
  // Many real postmortems give no date field; the first dated timeline entry still places the incident.
  const date = doc.incidentDate?.value ?? start?.instant.date ?? doc.timeline?.entries.find((e) => e.date)?.date;
  const duration = readDurationMinutes(doc, date);
  const toPostmortem = readTimeToPostmortem(doc, start);
  const metaCause = frontMatterEntry(doc.frontMatter, 'root_cause')?.value;
  const written = typeof metaCause === 'string' && metaCause.trim() ? metaCause : doc.rootCause?.value;
  const cause = written === undefined ? undefined : tidyCause(written);
  const rootCause = cause ? (cause.length > MAX_CAUSE ? `${cause.slice(0, MAX_CAUSE - 1)}…` : cause) : undefined;
  return {
    uri,
    title: summary.title,
    incidentId: summary.incidentId,
    date,
    start: start?.instant.earliest,
    severity: summary.severity,
    severityRank: doc.severity?.rank,
    ...duration,
    ...toPostmortem,
    rootCause,
    tags: summary.tags,
    services: summary.services,
    repeatOf: summary.repeatOf,
    actionItems: doc.actionItems.map(metricsActionItem),
  };
}

function metricsActionItem(item: PostmortemDocument['actionItems'][number]): MetricsActionItem {
  const input: MetricsActionItem = { status: item.status?.normalized ?? 'unknown' };
  // Set after the literal, not spread into it: a spread makes building the object many times slower.
  if (item.deadline?.date && !item.deadline.invalid) input.deadline = item.deadline.date;
  return input;
}

/** The cause as a one-line label: no emphasis or code marks, each run of spaces one space. */
function tidyCause(text: string): string {
  // Most causes have neither marks nor a run of spaces: each rewrite only when it changes the text.
  const plain = MARKS.test(text) ? text.replace(/[*_`]/g, '') : text;
  return (LOOSE_SPACE.test(plain) ? plain.replace(/\s+/g, ' ') : plain).trim();
}

const MARKS = /[*_`]/;
/** A space other than ' ', or two in a row: what collapsing the runs of spaces changes. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** The terms of an incident's root-cause label, for spotting repeats. */
export const causeTermsOf = termsOnDemand<MetricsInput>((input) => input.rootCause);

/**
 * The incident's duration: front matter `duration`, else the Duration field, else Recovery Time − Start Time
 * from the header (an end before the start is taken to be after midnight).
 */
function readDurationMinutes(doc: PostmortemDocument, date: string | undefined): { durationMinutes?: number; durationMissing?: string } {
  const meta = frontMatterEntry(doc.frontMatter, 'duration');
  if (meta && meta.value !== null && meta.value !== '') {
    const minutes = typeof meta.value === 'string' ? parseDuration(meta.value) : undefined;
    return minutes === undefined ? { durationMissing: `front matter duration "${String(meta.value).slice(0, 40)}" is not a duration such as 4h 28min` } : { durationMinutes: minutes };
  }
  const field = findField(doc, 'duration', true);
  const written = field && parseDuration(field.value.replace(/[*_]/g, ''));
  if (written !== undefined) return { durationMinutes: written };
  const startField = headerField(doc, 'start time');
  const endField = headerField(doc, 'recovery time');
  const from = startField && timePoint('start time', startField.value, startField.valueSpan.start, date);
  const to = endField && timePoint('recovery time', endField.value, endField.valueSpan.start, date);
  if (from && to) return { durationMinutes: elapsedMinutes(from, to) };
  return { durationMissing: 'no duration: neither a readable duration nor both Start Time and Recovery Time' };
}

/** Hours from the incident start to `published:`; whole days when either side has no clock time. */
function readTimeToPostmortem(
  doc: PostmortemDocument,
  start: ReturnType<typeof readIncidentStart>,
): { timeToPostmortemHours?: number; timeToPostmortemMissing?: string } {
  const published = readPublished(doc);
  if (!published) {
    const entry = frontMatterEntry(doc.frontMatter, 'published');
    return { timeToPostmortemMissing: entry ? 'front matter published is not a date' : 'not published (no published: date)' };
  }
  if (!start) return { timeToPostmortemMissing: 'no incident start to count from' };
  const a = start.instant;
  const b = published.instant;
  const hours = a.hasTime && b.hasTime ? (b.earliest - a.earliest) / 60 : daysBetween(a.date, b.date) * 24;
  if (hours < 0) return { timeToPostmortemMissing: 'published before the incident started' };
  return { timeToPostmortemHours: hours };
}
