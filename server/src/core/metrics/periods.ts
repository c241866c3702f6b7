/** Calendar months and quarters over ISO dates. */
import type { GroupBy } from './types';

/** `2026-01` for a month, `2026-Q1` for a quarter. */
export function periodKey(date: string, groupBy: GroupBy): string {
  if (groupBy === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Calendar months from the month of `from` to the month of `to`, both counted. */
export function monthsSpanned(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/** Every period touching `from`..`to`, in order, with its first and last day. */
export function periodsBetween(from: string, to: string, groupBy: GroupBy): { period: string; since: string; until: string }[] {
  const step = groupBy === 'month' ? 1 : 3;
  let index = monthIndex(from);
  if (groupBy === 'quarter') index -= index % 3;
  const last = monthIndex(to);
  const periods = [];
  for (; index <= last; index += step) {
    const since = monthStart(index);
    periods.push({ period: periodKey(since, groupBy), since, until: monthEnd(index + step - 1) });
  }
  return periods;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthStart(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function monthEnd(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
