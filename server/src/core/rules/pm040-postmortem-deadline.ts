import { daysBetween } from '../model/dates';
import { describeHours, describeMinutes, readIncidentStart, readPublished } from '../model/incidentTimes';
import { DEFAULT_SEVERITY_SCALE } from '../model/severity';
import { defineRule } from './rule';

/** Hours from the incident to the published postmortem, per level; a level not listed has no deadline. */
const DEFAULT_HOURS: Record<string, number | null> = { P0: 24, P1: 72, P2: 168 };

/** The deadline for a level: the configured hours, or on a custom scale the P-level at the same position. */
function deadlineHours(hours: Record<string, unknown>, level: string, rank: number | undefined): number | undefined {
  const own = Object.keys(hours).find((key) => key.toLowerCase() === level.toLowerCase());
  let value = own !== undefined ? hours[own] : undefined;
  if (own === undefined && rank !== undefined && !DEFAULT_SEVERITY_SCALE.includes(level)) value = hours[DEFAULT_SEVERITY_SCALE[rank]];
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

export default defineRule<{ hours: Record<string, number | null> }>({
  id: 'PM040',
  alias: 'postmortem-deadline',
  description: 'A postmortem must be published within the deadline of its severity (P0 24 hours, P1 3 days, P2 7 days).',
  tags: ['process'],
  defaultLevel: 'warning',
  fixable: false,
  options: {
    hours: {
      type: 'record',
      default: DEFAULT_HOURS,
      description: 'Hours allowed from the incident start to `published:`, by severity level (merged over P0 24, P1 72, P2 168; null for none).',
    },
  },
  check({ doc, options, report }) {
    const published = readPublished(doc);
    const level = doc.severity?.level;
    if (!published || !level) return;
    const hours = deadlineHours(options.hours, level, doc.severity?.rank);
    if (hours === undefined) return;
    const start = readIncidentStart(doc);
    if (!start) return;
    // Least time that can have passed: a date alone may mean any moment of that day.
    const elapsed = published.instant.earliest - start.instant.latest;
    if (elapsed <= hours * 60) return;
    const exact = published.instant.hasTime && start.instant.hasTime;
    const took =
      !published.instant.hasTime && !start.instant.hasTime
        ? `${daysBetween(start.instant.date, published.instant.date)} days`
        : `${exact ? '' : 'at least '}${describeMinutes(elapsed)}`;
    report({
      span: published.span,
      message:
        `Published ${took} after the incident started (${start.instant.date}), but a ${level} postmortem is due within ${describeHours(hours)}; ` +
        'write it while memories and logs are fresh, or correct the dates if they are wrong.',
      data: { elapsedMinutes: elapsed, deadlineHours: hours, level },
    });
  },
});
