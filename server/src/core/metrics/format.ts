/** How figures are written in reports and the dashboard. */
import { formatDuration } from '../model/dates';
import { describeMinutes } from '../model/incidentTimes';

/** `38%`; an em dash for no figure. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A share of a whole as a percentage: `3 of 8` → `38%`. */
export function share(count: number, total: number): string {
  return total ? percent(count / total) : '—';
}

/** Minutes as `2h 3min`; an em dash for no figure. */
export function minutes(value: number | null): string {
  return value === null ? '—' : formatDuration(Math.round(value));
}

/** Hours as `47h`, `22h 30min`, or whole days beyond two days; an em dash for no figure. */
export function hours(value: number | null): string {
  return value === null ? '—' : describeMinutes(value * 60);
}

/** A count with one decimal at most: `1.7`. */
export function decimal(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 10) / 10);
}

/** `1 incident`, `3 incidents`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The period a report covers, in words. */
export function periodLabel(period: { since: string | null; until: string | null }, dates: string[]): string {
  const from = period.since ?? dates[0];
  const to = period.until ?? dates[dates.length - 1];
  if (!from && !to) return 'all postmortems';
  return `${from ?? 'the start'} to ${to ?? 'today'}`;
}
