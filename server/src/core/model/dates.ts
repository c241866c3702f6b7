/** Calendar and clock parsing shared by the model, the rules and the metrics. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether y-m-d is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Parses `YYYY-MM-DD`; undefined when malformed or not a real date. */
export function parseIsoDate(value: string): string | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : undefined;
}

/** Days from `from` to `to` (both ISO dates); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's ISO date in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A clock time read from text. */
export interface ClockTime {
  minutes: number;
  clock: '24h' | '12h';
  /** Offset and length of the time within the searched text. */
  index: number;
  length: number;
  zone?: string;
}

const ZONES = 'UTC|GMT|Z|CET|CEST|EET|EEST|WET|WEST|BST|IST|PST|PDT|MST|MDT|CST|CDT|EST|EDT|AEST|AEDT|JST|KST|SGT|HKT|NZST|NZDT';
/** `22:47`, `9:05 PM`, `08:52PM`, `22:47:10`, `22.47`, with an optional zone or UTC offset after it. */
const TIME = new RegExp(
  `(?<![\\d:])(\\d{1,2})[:.](\\d{2})(?::\\d{2})?(?![\\d])(?:\\s?([ap]\\.?m\\.?)(?![a-z]))?(?:\\s?\\(?((?:${ZONES})(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2})\\)?(?![A-Za-z]))?`,
  'i',
);

/** Finds the first clock time in `text`. */
export function findClockTime(text: string): ClockTime | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return undefined;
  const meridiem = m[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    // "13:55 PM" occurs in real templates: a 24h hour with a stray meridiem is read as 24h.
    if (hours === 0 || hours > 12) {
      if (hours > 23) return undefined;
    } else {
      hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
    }
  } else if (hours > 23) {
    return undefined;
  }
  return { minutes: hours * 60 + minutes, clock: meridiem ? '12h' : '24h', index: m.index, length: m[0].length, zone: m[4]?.toUpperCase() };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number, number] | undefined }[] = [
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { pattern: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    pattern: /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/i,
    read: (m) => [Number(m[3]), MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2])],
  },
  {
    pattern: /\b(\d{1,2})(?:st|nd|rd|th)?\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,? (\d{4})\b/i,
    read: (m) => [Number(m[3]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1])],
  },
];

/** A calendar date read from text. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** Finds the first unambiguous calendar date in `text` (ISO, `YYYY/MM/DD`, `June 14th, 2022`, `14 June 2022`). */
export function findDate(text: string): FoundDate | undefined {
  let best: FoundDate | undefined;
  for (const { pattern, read } of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const parts = read(m);
    if (!parts || !isRealDate(...parts)) continue;
    const iso = `${String(parts[0]).padStart(4, '0')}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
    best = { iso, index: m.index, length: m[0].length };
  }
  return best;
}

const DURATION_PART = /(\d+(?:\.\d+)?)\s*(d(?:ays?)?|h(?:ours?|rs?)?|m(?:in(?:ute)?s?)?|s(?:ec(?:ond)?s?)?)(?![a-z])/gi;

/** Parses durations such as `4h 28min`, `4 hours 28 minutes`, `1h15m`, `399 minutes`, `2 days`; minutes or undefined. */
export function parseDuration(value: string): number | undefined {
  const text = value.trim().toLowerCase();
  if (!text || text.length > 80) return undefined;
  let total = 0;
  let matched = 0;
  DURATION_PART.lastIndex = 0;
  for (let m = DURATION_PART.exec(text); m; m = DURATION_PART.exec(text)) {
    const amount = Number(m[1]);
    const unit = m[2][0];
    total += unit === 'd' ? amount * 1440 : unit === 'h' ? amount * 60 : unit === 'm' ? amount : amount / 60;
    matched += m[0].length;
  }
  const rest = text.replace(DURATION_PART, '').replace(/\band\b|[,\s]/g, '');
  if (matched === 0 || rest.length > 0) {
    const clock = /^(\d{1,3}):(\d{2})$/.exec(text);
    return clock ? Number(clock[1]) * 60 + Number(clock[2]) : undefined;
  }
  return Math.round(total);
}

/** Formats minutes the way the template writes durations: `4h 28min`. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (mins || parts.length === 0) parts.push(`${mins}min`);
  return parts.join(' ');
}
