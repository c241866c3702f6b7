import { findClockTime, findDate, isRealDate } from './dates';
import { frontMatterEntry } from './frontMatter';
import type { Span } from './lineIndex';
import type { FrontMatterEntry, HeaderField, PostmortemDocument } from './types';

/**
 * A moment known only to within a range, in minutes since 1970-01-01 UTC. A date alone covers its whole
 * day, so comparisons can give the author the benefit of the doubt.
 */
export interface Instant {
  earliest: number;
  latest: number;
  /** ISO date of the moment as written (its local calendar day). */
  date: string;
  /** Whether a clock time was written, not just a date. */
  hasTime: boolean;
}

/** An instant together with where it is written. */
export interface LocatedInstant {
  instant: Instant;
  span: Span;
  /** What it was read from, for messages. */
  from: 'frontMatter' | 'field';
}

const MINUTES_PER_DAY = 1440;

/** `2025-12-15`, `2025-12-15T22:47`, `2025-12-15 22:47:10Z`, `2025-12-15T22:47+01:00`, `2025-12-15 22:47 UTC`. */
const ISO_MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s?([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}(?:[+-]\d{1,2})?)?)?$/;

/** Offsets of the zone names postmortems write, in minutes east of UTC. */
const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, IST: 330,
  PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240,
  AEST: 600, AEDT: 660, JST: 540, KST: 540, SGT: 480, HKT: 480, NZST: 720, NZDT: 780,
};

/** Minutes east of UTC for `UTC`, `PDT`, `UTC+1`, `+02:00`; 0 when unknown or absent (both sides then agree). */
export function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0;
  const m = /^([A-Z]*)([+-]\d{1,2})?:?(\d{2})?$/i.exec(zone.trim());
  if (!m) return 0;
  const base = m[1] ? ZONE_OFFSETS[m[1].toUpperCase()] ?? 0 : 0;
  if (!m[2]) return base;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0) * Math.sign(hours || 1);
  return base + hours * 60 + minutes;
}

function dayStart(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 60_000;
}

/** The instant for a date with an optional clock time (minutes since midnight) and zone. */
export function instantOf(date: string, minutes?: number, zone?: string): Instant {
  const start = dayStart(date);
  if (minutes === undefined) return { earliest: start, latest: start + MINUTES_PER_DAY - 1, date, hasTime: false };
  const at = start + minutes - zoneOffset(zone);
  return { earliest: at, latest: at, date, hasTime: true };
}

/** Reads an ISO date or date-time (a string, or a Date from a YAML 1.1 timestamp); undefined when it is neither. */
export function parseInstant(value: unknown): Instant | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const at = Math.floor(value.getTime() / 60_000);
    return { earliest: at, latest: at, date: value.toISOString().slice(0, 10), hasTime: true };
  }
  if (typeof value !== 'string') return undefined;
  const m = ISO_MOMENT.exec(value.trim());
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return instantOf(date);
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  if (hours > 23 || minutes > 59) return undefined;
  return instantOf(date, hours * 60 + minutes, m[6]);
}

/** When the postmortem says it was published: front matter `published:`, when it holds a date. */
export function readPublished(doc: PostmortemDocument): (LocatedInstant & { entry: FrontMatterEntry }) | undefined {
  const entry = frontMatterEntry(doc.frontMatter, 'published');
  const instant = entry && parseInstant(entry.value);
  return entry && instant ? { instant, span: entry.valueSpan, from: 'frontMatter', entry } : undefined;
}

/**
 * When the incident started: front matter `start` (a date-time, or a time on the incident date), else the
 * front matter `date`, else the Start Time / Incident Date fields. The latest reading wins ties, so a
 * deadline is never counted from earlier than the author wrote.
 */
export function readIncidentStart(doc: PostmortemDocument): LocatedInstant | undefined {
  const start = frontMatterEntry(doc.frontMatter, 'start');
  const dateEntry = frontMatterEntry(doc.frontMatter, 'date');
  const metaDate = dateEntry && parseInstant(dateEntry.value);
  const startField = headerField(doc, 'start time');
  const dateField = headerField(doc, 'incident date');
  const date = metaDate?.date ?? doc.incidentDate?.value;

  if (start) {
    const full = parseInstant(start.value);
    if (full) return { instant: full, span: start.valueSpan, from: 'frontMatter' };
    const clock = typeof start.value === 'string' ? findClockTime(start.value) : undefined;
    if (clock && date) return { instant: instantOf(date, clock.minutes, clock.zone), span: start.valueSpan, from: 'frontMatter' };
  }
  if (metaDate && dateEntry) {
    if (metaDate.hasTime) return { instant: metaDate, span: dateEntry.valueSpan, from: 'frontMatter' };
    const clock = startField ? fieldClock(startField, metaDate.date) : undefined;
    return { instant: clock ?? metaDate, span: dateEntry.valueSpan, from: 'frontMatter' };
  }
  for (const field of [startField, dateField]) {
    if (!field) continue;
    const ownDate = findDate(field.value)?.iso ?? date;
    if (!ownDate) continue;
    const instant = fieldClock(field, ownDate) ?? instantOf(ownDate);
    return { instant, span: field.valueSpan, from: 'field' };
  }
  if (doc.incidentDate) return { instant: instantOf(doc.incidentDate.value), span: doc.incidentDate.span, from: 'field' };
  return undefined;
}

/** The clock time written in a field (after any date in it), on the given date. */
function fieldClock(field: HeaderField, date: string): Instant | undefined {
  const found = findDate(field.value);
  const rest = found ? field.value.slice(found.index + found.length) : field.value;
  const clock = findClockTime(rest);
  return clock ? instantOf(found?.iso ?? date, clock.minutes, clock.zone) : undefined;
}

/**
 * A field of the document's header: written before the first section below the title, where the
 * template puts Incident Date, Start Time and Severity. Fields further down (in timelines, action items)
 * mean something else.
 */
export function headerField(doc: PostmortemDocument, key: string): HeaderField | undefined {
  const firstSection = doc.headings.find((h) => h.level >= 2);
  const limit = firstSection ? firstSection.line : Number.POSITIVE_INFINITY;
  const summary = doc.sections.find((s) => s.kind === 'summary');
  return doc.fields.find(
    (f) => f.key === key && f.value !== '' && (f.line < limit || (summary !== undefined && f.section === summary)),
  );
}

/** Formats a span of minutes for messages: `24h 43min` up to two days, whole days beyond. */
export function describeMinutes(minutes: number): string {
  if (minutes < 48 * 60) {
    const whole = Math.round(minutes);
    const rest = whole % 60;
    return `${Math.floor(whole / 60)}h${rest ? ` ${rest}min` : ''}`;
  }
  return `${Math.floor(minutes / 1440)} days`;
}

/** Formats a deadline in hours for messages: `24 hours`, `72 hours (3 days)`. */
export function describeHours(hours: number): string {
  if (hours >= 48 && hours % 24 === 0) return `${hours} hours (${hours / 24} days)`;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

