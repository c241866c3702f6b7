import { findClockTime, findDate, formatDuration, parseDuration } from './dates';
import type { Span } from './lineIndex';
import type { HeaderField, PostmortemDocument } from './types';
import { trimChars } from './trimChars';

/** A moment written in the header or the key events: a clock time, with a date when one is given. */
export interface TimePoint {
  label: string;
  /** Minutes since midnight. */
  minutes: number;
  date?: string;
  span: Span;
}

/** A written duration and the two moments it should span. */
export interface DurationClaim {
  label: string;
  /** The duration text as written (the part that a fix rewrites). */
  raw: string;
  minutes: number;
  span: Span;
  from: TimePoint;
  to: TimePoint;
}

/** Which written duration spans which moments: the template's header, MoJ's key events. */
const PAIRS: { duration: RegExp; from: RegExp; to: RegExp }[] = [
  { duration: /^(?:duration|outage duration|total duration)$/, from: /^(?:start time|incident start|outage start|started|first detected|detected)$/, to: /^(?:recovery time|resolved|recovered|end time|outage end|repaired)$/ },
  { duration: /^time to repair$/, from: /^(?:first detected|detected)$/, to: /^repaired$/ },
  { duration: /^time to resolve$/, from: /^(?:first detected|detected)$/, to: /^resolved$/ },
];

/**
 * `First detected 2022-01-22 11:57`, `Repaired: 13:59`: a key-event line (MoJ) with a label and a time. The label
 * is 3 to 31 letters and spaces, the shortest that fits; past 3 characters it never ends on a space before more
 * white space (the one shorter label, tried first, left the same text after it), so `\s+` reads a run of spaces
 * once rather than once per label length.
 */
const KEY_EVENT = /^\s*(?:[-*+]\s+)?(?:\*\*)?([A-Z][A-Z ]{2}(?:[A-Z ]{1,28}?(?!(?<= )\s))??)(?:\*\*)?:?(?:\*\*)?\s+(?=\d)/i;
/**
 * Everything KEY_EVENT reads before the time is whitespace, a bullet, `**`, a colon or the label's letters and
 * spaces, and the time opens right after whitespace: the first other character must be that digit. Checking
 * this first spares the label's backtracking on every list item that is not a key event (most are not).
 */
const NOT_KEY_EVENT_LEAD = /[^\sa-z*+:-]/i;
/**
 * `21:45 to 23:28 UTC (103 minutes)`: a duration that states its own range. The lookahead checks the closing
 * `(…)` once: without it each ` to `/` - ` rescanned the rest of the line for it (quadratic). A field value is one
 * line, so `.` reaching that `(` is no extra condition.
 */
const INLINE_RANGE = /^(?=.*\([^()]{2,40}\)\s*$)(.*?)\s(?:to|until|–|-)\s(.*?)\(([^()]{2,40})\)\s*$/;

/** Every duration the document states together with the moments it can be checked against. */
export function readDurationClaims(doc: PostmortemDocument): DurationClaim[] {
  const points = new Map<string, TimePoint>();
  for (const field of doc.fields) {
    const point = timePoint(field.key, field.value, field.valueSpan.start, doc.incidentDate?.value);
    if (point && !points.has(point.label)) points.set(point.label, point);
  }
  for (const item of doc.listItems) {
    if (!mayBeKeyEvent(item.text)) continue;
    const m = KEY_EVENT.exec(item.text);
    if (!m) continue;
    const label = m[1].trim().toLowerCase();
    const at = item.textSpan.start + m[0].length;
    const point = timePoint(label, item.text.slice(m[0].length), at, doc.incidentDate?.value);
    if (point && !points.has(label)) points.set(label, point);
  }
  const claims: DurationClaim[] = [];
  for (const field of doc.fields) {
    const claim = inlineRangeClaim(field) ?? pairedClaim(field, points);
    if (claim) claims.push(claim);
  }
  return claims;
}

/** Whether a list item's text can match KEY_EVENT (a necessary condition, far cheaper than the pattern). */
function mayBeKeyEvent(text: string): boolean {
  const first = NOT_KEY_EVENT_LEAD.exec(text);
  if (!first || first.index === 0) return false;
  const c = text.charCodeAt(first.index);
  return c >= 48 && c <= 57 && /\s/.test(text[first.index - 1]);
}

/** A clock time (with a date when one is written, else `defaultDate`) read from a field value starting at offset `base`. */
export function timePoint(label: string, value: string, base: number, defaultDate: string | undefined): TimePoint | undefined {
  const clean = value.replace(/[*_]/g, ' ');
  const clock = findClockTime(clean);
  if (!clock) return undefined;
  const date = findDate(clean)?.iso ?? defaultDate;
  return { label, minutes: clock.minutes, date, span: { start: base, end: base + value.trimEnd().length } };
}

function pairedClaim(field: HeaderField, points: Map<string, TimePoint>): DurationClaim | undefined {
  const pair = PAIRS.find((p) => p.duration.test(field.key));
  if (!pair) return undefined;
  const raw = trimChars(field.value, '*_');
  const minutes = parseDuration(raw);
  if (minutes === undefined) return undefined;
  const from = [...points.values()].find((p) => pair.from.test(p.label));
  const to = [...points.values()].find((p) => pair.to.test(p.label));
  if (!from || !to) return undefined;
  const start = field.valueSpan.start + field.value.indexOf(raw);
  return { label: field.label, raw, minutes, span: { start, end: start + raw.length }, from, to };
}

function inlineRangeClaim(field: HeaderField): DurationClaim | undefined {
  if (!/^duration$/.test(field.key)) return undefined;
  const m = INLINE_RANGE.exec(field.value);
  if (!m) return undefined;
  const minutes = parseDuration(m[3].replace(/^about |^~/, ''));
  const fromClock = findClockTime(m[1]);
  const toClock = findClockTime(m[2]);
  if (minutes === undefined || !fromClock || !toClock) return undefined;
  const start = field.valueSpan.start + field.value.lastIndexOf(`(${m[3]})`) + 1;
  return {
    label: field.label,
    raw: m[3],
    minutes,
    span: { start, end: start + m[3].length },
    from: { label: 'from', minutes: fromClock.minutes, date: findDate(m[1])?.iso, span: field.valueSpan },
    to: { label: 'to', minutes: toClock.minutes, date: findDate(m[2])?.iso, span: field.valueSpan },
  };
}

/** Minutes from one moment to the next; without dates, an end earlier than the start is after midnight. */
export function elapsedMinutes(from: TimePoint, to: TimePoint): number {
  if (from.date && to.date) {
    const days = Math.round((Date.parse(`${to.date}T00:00:00Z`) - Date.parse(`${from.date}T00:00:00Z`)) / 86_400_000);
    const elapsed = days * 1440 + to.minutes - from.minutes;
    // The same default date on both sides says nothing about the day: allow the midnight roll-over.
    return elapsed < 0 && days === 0 ? elapsed + 1440 : elapsed;
  }
  return to.minutes >= from.minutes ? to.minutes - from.minutes : to.minutes + 1440 - from.minutes;
}

/** Writes minutes in the style of an existing duration: "4 hours 28 minutes", "2h 2m", "399 minutes", "4h 28min". */
export function formatDurationLike(minutes: number, like: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const text = like.trim();
  if (/^\d+\s*(?:minutes?|mins?|m)$/i.test(text)) return `${minutes}${text.replace(/^\d+/, '')}`;
  if (/\bhours?\b|\bminutes?\b/i.test(text)) {
    const parts = [];
    if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
    if (m || !h) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
    return parts.join(' ');
  }
  const short = /^\d+h(\s*)\d+m$/i.exec(text);
  if (short) return `${h}h${short[1]}${m}m`;
  if (/^\d+h$/i.test(text) && m === 0) return `${h}h`;
  return formatDuration(minutes);
}
