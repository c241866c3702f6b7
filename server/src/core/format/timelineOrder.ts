import { findClockTime, findDate, isRealDate } from '../model/dates';

/** Which columns of a timeline table hold the time and, when separate, the date. */
export interface TimelineColumns {
  time: number;
  date?: number;
}

const TIME_HEADER = /time|when/i;
const DATE_HEADER = /date|\bday\b/i;
/** Something written as a date (three numbers) that findDate cannot read: `20202-01-16`, US `07-27-2023`, `29.11.2019`. */
const DATE_LIKE = /\d{1,5}[-/.]\d{1,2}[-/.]\d{1,5}/;
/** A one-digit hour: `9:05`, `9:05 PM`, not the `2:00` of `12:00` nor the `5:30` of `10:05:30`. */
const SHORT_HOUR = /(?<![\d:.])(\d):([0-5]\d)(?!\d)/g;
/** A drop of more than half a day between consecutive undated rows is read as crossing midnight. */
const ROLLOVER = 720;

/**
 * Finds the time column of a table in the timeline section: the first header naming a time (`Time`,
 * `Timestamp`, `Date and Time in CET`, `When`), else the first naming a date, else the first column. It is a
 * timeline table only if at least half of its rows have a clock time in that column; other tables in the
 * section (impact, participants) are neither normalised nor sorted.
 */
export function timelineColumns(header: string[], rows: string[][]): TimelineColumns | undefined {
  let time = header.findIndex((cell) => TIME_HEADER.test(cell));
  if (time < 0) time = Math.max(0, header.findIndex((cell) => DATE_HEADER.test(cell)));
  const timed = rows.filter((row) => row[time] !== undefined && findClockTime(row[time]) !== undefined).length;
  if (rows.length === 0 || timed * 2 < rows.length) return undefined;
  const date = header.findIndex((cell, k) => k !== time && DATE_HEADER.test(cell));
  return date >= 0 ? { time, date } : { time };
}

/** Zero-pads one-digit clock hours (`9:05` -> `09:05`, `9:05 PM` -> `09:05 PM`); nothing else changes. */
export function padClockTimes(cell: string): string {
  return cell.includes(':') ? cell.replace(SHORT_HOUR, '0$1:$2') : cell;
}

/** When a row happened: minutes since midnight and, when the row gives one, its own day. */
interface Stamp {
  minutes: number;
  /** Days since 1970-01-01. */
  day?: number;
  /** `Jan 17` without a year: month and day, placed in a year once the whole table is read. */
  yearless?: [number, number];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?\b/i;
const DAY_MONTH = /\b(\d{1,2})(?:st|nd|rd|th)?\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

type DayReading = { day: number } | { yearless: [number, number] } | 'unreadable' | undefined;

function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function dayOf(cell: string | undefined): DayReading {
  if (!cell) return undefined;
  const date = findDate(cell);
  if (date) return { day: Date.parse(`${date.iso}T00:00:00Z`) / 86_400_000 };
  if (DATE_LIKE.test(cell)) return 'unreadable';
  // PostHog writes `Jan 17, 03:31 AM`: a month and a day, the year left to the reader.
  const md = MONTH_DAY.exec(cell);
  const dm = md ? undefined : DAY_MONTH.exec(cell);
  if (!md && !dm) return undefined;
  const month = MONTHS.indexOf((md ? md[1] : (dm as RegExpExecArray)[2]).toLowerCase()) + 1;
  const day = Number(md ? md[2] : (dm as RegExpExecArray)[1]);
  return isRealDate(2000, month, day) ? { yearless: [month, day] } : 'unreadable';
}

/** A row's stamp; undefined when its time cannot be read, or it writes a date that cannot be read. */
function stampOf(row: string[], columns: TimelineColumns): Stamp | undefined {
  const cell = row[columns.time];
  const clock = cell === undefined ? undefined : findClockTime(cell);
  if (!clock) return undefined;
  let reading = dayOf(cell);
  if (reading === undefined && columns.date !== undefined) reading = dayOf(row[columns.date]);
  if (reading === 'unreadable') return undefined;
  return { minutes: clock.minutes, ...reading };
}

/**
 * Places yearless dates in the year of the table's earliest full date (a leap year when it has none). The
 * choice does not depend on the row order, so reading the sorted table again gives the same days.
 */
function placeYearless(stamps: Stamp[]): void {
  const full = stamps.filter((s) => s.day !== undefined).map((s) => s.day as number);
  const year = full.length > 0 ? new Date(full.reduce((a, b) => Math.min(a, b)) * 86_400_000).getUTCFullYear() : 2000;
  for (const stamp of stamps) {
    if (!stamp.yearless) continue;
    const [month, day] = stamp.yearless;
    stamp.day = isRealDate(year, month, day) ? epochDay(year, month, day) : epochDay(2000, month, day);
  }
}

/**
 * Absolute minutes for stamps in the given order. A row's own date wins; an undated row takes the day of the
 * row before it, one day later when its clock drops by more than twelve hours (22:47, 23:45, 00:30 is one
 * night). Undated rows before the first dated one count back from it the same way.
 */
function absoluteMinutes(stamps: Stamp[]): number[] {
  const days: number[] = new Array<number>(stamps.length).fill(0);
  const first = stamps.findIndex((s) => s.day !== undefined);
  const start = first < 0 ? 0 : first;
  if (first >= 0) days[first] = stamps[first].day as number;
  for (let i = start - 1; i >= 0; i--) days[i] = days[i + 1] - (stamps[i].minutes - stamps[i + 1].minutes > ROLLOVER ? 1 : 0);
  for (let i = start + 1; i < stamps.length; i++) {
    const own = stamps[i].day;
    days[i] = own ?? days[i - 1] + (stamps[i - 1].minutes - stamps[i].minutes > ROLLOVER ? 1 : 0);
  }
  return stamps.map((s, i) => days[i] * 1440 + s.minutes);
}

/**
 * The chronological order of a timeline table's body rows, as row indices; undefined when the rows are
 * already in order or cannot be ordered safely. The sort is stable. A row whose time cannot be read
 * (`--:--`, `TBD`, a malformed date) sticks to the readable row above it and moves with it; such rows before
 * the first readable row stay at the top. The order is kept only if reading it again finds it sorted (a mix
 * of dated and undated rows can otherwise change its own day assignment), which also makes formatting
 * idempotent.
 */
export function chronologicalOrder(rows: string[][], columns: TimelineColumns): number[] | undefined {
  const head: number[] = [];
  const groups: { stamp: Stamp; rows: number[] }[] = [];
  rows.forEach((row, index) => {
    const stamp = stampOf(row, columns);
    if (stamp) groups.push({ stamp, rows: [index] });
    else (groups.length > 0 ? groups[groups.length - 1].rows : head).push(index);
  });
  if (groups.length < 2) return undefined;
  placeYearless(groups.map((g) => g.stamp));
  const keys = absoluteMinutes(groups.map((g) => g.stamp));
  const order = groups.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  if (order.every((g, i) => g === i)) return undefined;
  const again = absoluteMinutes(order.map((g) => groups[g].stamp));
  if (again.some((key, i) => i > 0 && key < again[i - 1])) return undefined;
  return [...head, ...order.flatMap((g) => groups[g].rows)];
}
