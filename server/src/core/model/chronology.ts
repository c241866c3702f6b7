import type { TimelineEntry } from './types';

/**
 * A step back of at least this many minutes between undated times is read as the next day: a midnight roll-over
 * (23:55 then 00:10) or a multi-day timeline written without dates (17:41, then 07:00 the next morning). A shorter
 * step back (14:49 then 14:43) is an ordering mistake.
 */
export const ROLL_OVER_MINUTES = 180;

/** An entry that comes before the entry above it. */
export interface OrderBreak {
  entry: TimelineEntry;
  /** The entry it should follow, not precede. */
  previous: TimelineEntry;
  /** `date`: an earlier day; `time`: an earlier time on the same day; `rollOver`: a second roll-over under one date. */
  reason: 'date' | 'time' | 'rollOver';
}

/**
 * Finds entries out of chronological order, each reported once. Dates win over times: an entry dated a later day
 * starts a new day whatever its time, and two entries both dated the same day must be in time order. Between
 * undated times one roll-over per date is allowed (any number when the timeline has no dates at all). Entries whose
 * time is a guess (`~13:30`, `22:52 (maybe earlier?)`) are skipped.
 */
export function findOrderBreaks(entries: readonly TimelineEntry[]): OrderBreak[] {
  const breaks: OrderBreak[] = [];
  let previous: TimelineEntry | undefined;
  let day: string | undefined;
  let rolledOver = false;
  for (const entry of entries) {
    if (entry.approximate || (entry.minutes === undefined && !entry.date)) continue;
    if (!previous) {
      previous = entry;
      day = entry.date;
      continue;
    }
    // The first date after undated times, or a later date, starts a new day: its time is not compared.
    if (entry.date && entry.date !== day) {
      if (day && entry.date < day) breaks.push({ entry, previous, reason: 'date' });
      day = entry.date;
      rolledOver = false;
      previous = entry;
      continue;
    }
    if (entry.minutes === undefined) continue;
    if (previous.minutes !== undefined && entry.minutes < previous.minutes) {
      const bothDated = entry.dateFrom === 'entry' && previous.dateFrom === 'entry' && entry.date === previous.date;
      if (bothDated || previous.minutes - entry.minutes < ROLL_OVER_MINUTES) breaks.push({ entry, previous, reason: 'time' });
      else if (rolledOver && day) breaks.push({ entry, previous, reason: 'rollOver' });
      else rolledOver = true;
    }
    previous = entry;
  }
  return breaks;
}

/** The timeline's clock formats: entries written with AM/PM and entries written on a 24-hour clock. */
export function clockFormats(entries: readonly TimelineEntry[]): { twelve: TimelineEntry[]; twentyFour: TimelineEntry[] } {
  const twelve: TimelineEntry[] = [];
  const twentyFour: TimelineEntry[] = [];
  for (const entry of entries) {
    if (entry.minutes === undefined) continue;
    if (entry.clock === '12h') twelve.push(entry);
    else if (entry.clock === '24h') twentyFour.push(entry);
  }
  return { twelve, twentyFour };
}
