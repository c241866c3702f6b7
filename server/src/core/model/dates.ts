/** Calendar and clock parsing shared by the model, the rules and the metrics. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether y-m-d is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month (1..12) of the Gregorian calendar, counted without a Date object for the whole years
 * dates are written with. Date.UTC reads years 0–99 as 1900–1999, and rounds fractions: those, and any
 * other odd input, still go through Date, so the answer is always the one Date gives.
 */
function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || !Number.isInteger(year) || year < 100 || year > 9999) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
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
/**
 * A clock time: `22:47`, `9:05 PM`, `08:52PM`, `22:47:10`, `22.47`, with an optional zone or UTC offset after it.
 * In full, `(?<![\d:.])(\d{1,2})([:.])(\d{2})` and then CLOCK_TAIL; findClockTime reads that first part itself
 * (clockSeparator, mayStartTime) and this regex, sticky, reads the rest. The first part can only match one way
 * where it starts, so the whole pattern matches where CLOCK_TAIL matches after it, and ends where it ends.
 *
 * CLOCK_TAIL: optional seconds, not followed by more digits; a meridiem (1); a zone name with an optional offset, or
 * a bare offset (2); a bare offset after seconds (3). A bare offset must be `+hh:mm`, or `-hh:mm` after seconds:
 * `13:30-13:45` is a range, not a time at offset -13:45.
 */
const CLOCK_TAIL = new RegExp(
  `(?::\\d{2})?(?!\\d|[.:]\\d)(?:\\s?([ap]\\.?m\\.?)(?![a-z]))?(?:\\s?\\(?((?:${ZONES})(?:[+-]\\d{1,2}(?::?\\d{2})?)?|\\+\\d{2}:?\\d{2})\\)?(?![a-z])|(?<=:\\d{2}:\\d{2})(-\\d{2}:?\\d{2})(?![\\d:]))?`,
  'iy',
);

/**
 * Finds the first clock time in `text`: the first match of the clock pattern (see CLOCK_TAIL), tried at every
 * position in turn, that clockTime accepts. It runs for every timeline entry, so instead of trying every
 * position, it tries only where a time can start: every match holds one or two digits, a `:` or `.` and two
 * digits, so each such separator (clockSeparator) gives the one place a match holding it can start. A time that
 * ends plainly (bareClockEnd: the common `14:02` at the end of a cell) needs no regex at all.
 */
export function findClockTime(text: string): ClockTime | undefined {
  // Where the previous match, rejected by clockTime, ended: a match starting before it is not looked for (a
  // global regex goes on from the end of its last match), so a zone's `+05:30` is never read as a time.
  let from = 0;
  const separators = { colon: -2, dot: -2 };
  for (let sep = clockSeparator(text, 1, separators); sep >= 0; sep = clockSeparator(text, sep + 1, separators)) {
    // The hours are the one or two digits before the separator (mayStartTime allows no third).
    const start = sep >= 2 && isDigit(text.charCodeAt(sep - 2)) ? sep - 2 : sep - 1;
    if (start < from || !mayStartTime(text, start)) continue;
    const minutesEnd = sep + 3;
    let end = minutesEnd;
    let meridiem: string | undefined;
    let zone: string | undefined;
    if (!bareClockEnd(text, minutesEnd)) {
      CLOCK_TAIL.lastIndex = minutesEnd;
      const tail = CLOCK_TAIL.exec(text);
      if (!tail) continue;
      end = CLOCK_TAIL.lastIndex;
      meridiem = tail[1]?.toLowerCase().replace(/\./g, '');
      zone = (tail[2] ?? tail[3])?.toUpperCase();
    }
    const hours = readDigits(text, start, sep);
    const minutes = readDigits(text, sep + 1, minutesEnd);
    const found = clockTime(hours, minutes, text.charCodeAt(sep) === 46 && sep - start < 2, meridiem, zone, start, end - start);
    if (found) return found;
    from = end;
  }
  return undefined;
}

/**
 * The first `:` or `.` at or after `at` with a digit before it and two after it, or -1. indexOf skips the text
 * between separators natively. `next` keeps where the next `:` and `.` are (-2: not searched yet, -1: none
 * left) across the calls of one scan, whose `at` only grows: searching both again from every candidate was
 * quadratic on a long text of near-times (560 KB of `11:111 ` before a `.` took 0.9 s).
 */
function clockSeparator(text: string, at: number, next: { colon: number; dot: number }): number {
  for (;;) {
    if (next.colon !== -1 && next.colon < at) next.colon = text.indexOf(':', at);
    if (next.dot !== -1 && next.dot < at) next.dot = text.indexOf('.', at);
    const { colon, dot } = next;
    if (colon < 0 && dot < 0) return -1;
    const sep = dot < 0 || (colon >= 0 && colon < dot) ? colon : dot;
    if (sep > 0 && isDigit(text.charCodeAt(sep - 1)) && isDigit(text.charCodeAt(sep + 1)) && isDigit(text.charCodeAt(sep + 2))) return sep;
    at = sep + 1;
  }
}

/** The clock pattern's lookbehind, `(?<![\\d:.])`: a time does not continue a number, a version or another time. */
function mayStartTime(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text.charCodeAt(start - 1);
  return !isDigit(before) && before !== 58 && before !== 46;
}

/**
 * Whether the clock pattern's match of a time whose minutes end at `end` surely ends there too, with no seconds,
 * meridiem or zone: the text ends, or goes on with a character (after at most one ASCII space) that none of them
 * can start with. Every doubt (a letter, a digit, `(`, `+`, a character outside ASCII) is left to CLOCK_TAIL.
 */
function bareClockEnd(text: string, end: number): boolean {
  if (end === text.length) return true;
  let code = text.charCodeAt(end);
  // `14:02:` or `14:02.` end the time; `14:02:10` has seconds, and `14:02.5` is no time at all.
  if (code === 58 || code === 46) return !isDigit(text.charCodeAt(end + 1));
  if (isDigit(code)) return false;
  // CLOCK_TAIL allows one `\s` before a meridiem or zone; a second space (or the text's end) rules both out.
  if (code === 32 || code === 9) {
    if (end + 1 === text.length) return true;
    code = text.charCodeAt(end + 1);
    if (code === 32 || code === 9) return true;
  }
  return code < 128 && !isLetter(code) && !isDigit(code) && code !== 40 /* ( */ && code !== 43 /* + */ && !isAsciiSpace(code);
}

/** The clock time read from its parts, or undefined when they make no time. */
function clockTime(
  hours: number,
  minutes: number,
  dotAfterOneDigit: boolean,
  meridiem: string | undefined,
  zone: string | undefined,
  index: number,
  length: number,
): ClockTime | undefined {
  // `1.15` is a version far more often than a time: a dot needs a two-digit hour or a meridiem or zone after it.
  if (dotAfterOneDigit && !meridiem && !zone) return undefined;
  if (minutes > 59) return undefined;
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
  return { minutes: hours * 60 + minutes, clock: meridiem ? '12h' : '24h', index, length, zone };
}

/** The value of a run of ASCII digits (what `\d` matches): Number() takes longer, and a clock is read for every timeline entry. */
function digitsValue(digits: string): number {
  return readDigits(digits, 0, digits.length);
}

/** The value of the ASCII digits in text[start, end). */
function readDigits(text: string, start: number, end: number): number {
  let value = 0;
  for (let k = start; k < end; k++) value = value * 10 + (text.charCodeAt(k) - 48);
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** ASCII characters `\s` matches. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month name or its abbreviation, and nothing longer: "Separate" is not September. */
const MONTH_WORDS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_NAME = `(${MONTH_WORDS})`;
/** A month name, not the start of a longer word, with an optional abbreviation dot. */
const MONTH = `${MONTH_NAME}(?![a-z])\\.?`;
const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Year, month, day; the year is 0 when the text does not say it. Several readings when the order is ambiguous. */
type DateParts = [number, number, number];

/** Which patterns need a month name: they are skipped when no month's first three letters occur in the text. */
const DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => DateParts[]; named?: true }[] = [
  { pattern: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, read: (m) => [[digitsValue(m[1]), digitsValue(m[2]), digitsValue(m[3])]] },
  { pattern: /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/, read: (m) => [[digitsValue(m[1]), digitsValue(m[2]), digitsValue(m[3])]] },
  {
    // `June 14th, 2022`, `Feb 20 2018`, `January 14-19, 2026` (a range: its first day).
    named: true,
    pattern: new RegExp(`(?<![a-z])${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:\\s?[-–]\\s?\\d{1,2})?,? (\\d{4})(?!\\d)`, 'i'),
    read: (m) => [[digitsValue(m[3]), month(m[1]), digitsValue(m[2])]],
  },
  {
    named: true,
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.? ${MONTH_NAME}\\.?,? (\\d{4})(?!\\d)`, 'i'),
    read: (m) => [[digitsValue(m[3]), month(m[2]), digitsValue(m[1])]],
  },
  {
    // `07-27-2023`, `4/21/23`, `24/07/25`: month first (US) or day first, whichever is a real date.
    pattern: /(?<![\d/.-])(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/,
    read: (m) => numericReadings(digitsValue(m[1]), digitsValue(m[3]), fullYear(m[4])),
  },
  {
    pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/,
    read: (m) => [[digitsValue(m[3]), digitsValue(m[2]), digitsValue(m[1])]],
  },
  // Dates without a year: only read when the caller gives a reference date to take the year from.
  {
    named: true,
    pattern: new RegExp(`(?<![a-z])${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`, 'i'),
    read: (m) => [[0, month(m[1]), digitsValue(m[2])]],
  },
  {
    named: true,
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?\\.? ${MONTH}`, 'i'),
    read: (m) => [[0, month(m[2]), digitsValue(m[1])]],
  },
  {
    // `[03-26 17:40]`: a bare month-day pair only counts right before a clock time.
    pattern: /(?<![\d/.-])(\d{1,2})([-/])(\d{1,2})(?=\s+\d{1,2}:\d{2})/,
    read: (m) => numericReadings(digitsValue(m[1]), digitsValue(m[3]), 0),
  },
];

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + digitsValue(text) : digitsValue(text);
}

function numericReadings(first: number, second: number, year: number): DateParts[] {
  return [
    [year, first, second],
    [year, second, first],
  ];
}

/** Every pattern without a month name has two numbers joined by `-`, `/` or `.`: without one, only the named ones can match. */
const NUMERIC_HINT = /\d[-/.]\d/;
const MONTH_START = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
/**
 * A digit that every date has: one joined to another number by `-`, `/` or `.` (the numeric patterns), or a day
 * right before or after a month name (`14th June`, `June 14`: the named ones). Most timeline lines have none,
 * and one scan for it (which skips from digit to digit) costs less than scanning for each kind, as this runs
 * on every timeline line. A match of three characters is two joined numbers.
 */
const DATE_HINT = new RegExp(`\\d(?:[-/.]\\d|(?:st|nd|rd|th)?\\.? (?:${MONTH_START})|(?<=(?:${MONTH_START})[a-z]*\\.? \\d))`, 'i');
/** A month name standing as a word, as every month-name pattern has it: "primary" or "market" hold none. */
const MONTH_WORD = new RegExp(`(?<![a-z])(?:${MONTH_WORDS})(?![a-z])`, 'i');

/**
 * The date that gives a year to dates written without one: an ISO date, or a function that finds it, called
 * only when such a date is read (finding it can mean scanning a whole document, and most texts never need it).
 */
export type ReferenceDate = string | (() => string | undefined);

/** A calendar date read from text. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
  /** The text gave no year: it was taken from the reference date. */
  yearInferred?: boolean;
}

/**
 * Finds the first calendar date in `text`: ISO, `YYYY/MM/DD`, `June 14th, 2022`, `14 June 2022`, `07-27-2023`,
 * `4/21/23`. With a reference ISO date it also reads dates without a year (`May 12`, `19. April`, `[03-26 17:40]`),
 * taking the year that puts them nearest the reference. Numeric dates are read month first (`04/05/23` is April 5th)
 * unless only the day-first reading is a real date (`24/07/25`).
 */
export function findDate(text: string, reference?: ReferenceDate): FoundDate | undefined {
  // Most lines of a postmortem hold no date, and this runs on every timeline line: DATE_HINT tells them first.
  // Then each pattern is tried only if the text has what it needs: the month-name ones (the slowest: an
  // alternation tried at every position) a month, the others two numbers joined by a separator.
  const hint = DATE_HINT.exec(text);
  if (!hint) return undefined;
  // The first hint is two joined numbers, or a day by a month: joined numbers may still come after it.
  const numeric = hint[0].length === 3 || NUMERIC_HINT.test(text);
  // Whether a month name stands in the text, looked for when a pattern first needs one: an ISO date at the
  // start ends the search before that.
  let named: boolean | undefined;
  let best: FoundDate | undefined;
  for (const { pattern, read, named: needsMonth } of DATE_PATTERNS) {
    // A date at the very start is the first: no other pattern can find one before it.
    if (best?.index === 0) break;
    if (needsMonth) {
      named ??= MONTH_WORD.test(text);
      if (!named) continue;
    } else if (!numeric) {
      continue;
    }
    const m = pattern.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const date = pickReading(read(m), reference);
    if (!date) continue;
    best = { iso: date.iso, index: m.index, length: m[0].length };
    // Set after the literal, not spread into it: a spread makes building the object many times slower.
    if (date.yearInferred) best.yearInferred = true;
  }
  return best;
}

function pickReading(readings: DateParts[], referenceDate: ReferenceDate | undefined): { iso: string; yearInferred: boolean } | undefined {
  let reference: string | undefined;
  let resolved = false;
  // Readings come in order of preference (month first, then day first); the first real one wins.
  for (const [year, m, d] of readings) {
    if (year > 0) {
      if (isRealDate(year, m, d)) return { iso: toIso(year, m, d), yearInferred: false };
      continue;
    }
    if (!resolved) {
      reference = typeof referenceDate === 'function' ? referenceDate() : referenceDate;
      resolved = true;
    }
    if (!reference) continue;
    const refYear = Number(reference.slice(0, 4));
    let best: { iso: string; distance: number } | undefined;
    for (const y of [refYear - 1, refYear, refYear + 1]) {
      if (!isRealDate(y, m, d)) continue;
      const iso = toIso(y, m, d);
      const distance = Math.abs(daysBetween(reference, iso));
      if (!best || distance < best.distance) best = { iso, distance };
    }
    if (best) return { iso: best.iso, yearInferred: true };
  }
  return undefined;
}

function toIso(year: number, month: number, day: number): string {
  // Nearly every year read has four digits and needs no padStart, which costs more than the rest.
  const yyyy = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** A month or day (0–99) with two digits, as padStart(2, '0') writes it. */
function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

const DURATION_PART = /(?<!\d)(\d+(?:\.\d+)?)\s*(d(?:ays?)?|h(?:ours?|rs?)?|m(?:in(?:ute)?s?)?|s(?:ec(?:ond)?s?)?)(?![a-z])/gi;

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
