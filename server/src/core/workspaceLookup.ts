import type { IncidentSummary } from './workspace';

/** An incident with its date as a day number, for range queries. */
export interface DatedIncident {
  /** Days since 1970-01-01. */
  day: number;
  incident: IncidentSummary;
}

/** The workspace's incidents arranged for the workspace rules: by incident id and in date order. */
export interface WorkspaceLookup {
  /** Incidents by normalised id (trimmed, lower case). */
  byId: Map<string, IncidentSummary[]>;
  /** Dated incidents, oldest first. */
  byDate: DatedIncident[];
}

/**
 * The workspace rules run on every keystroke against every other postmortem: scanning thousands of
 * summaries (and parsing their dates) each time cost more than linting the document. The lookup is built
 * once per incidents array (the server and the CLI keep the same array while nothing changes).
 */
const lookups = new WeakMap<readonly IncidentSummary[], WorkspaceLookup>();

/** The lookup of an incidents array, built on first use. */
export function workspaceLookup(incidents: readonly IncidentSummary[]): WorkspaceLookup {
  let lookup = lookups.get(incidents);
  if (!lookup) {
    lookup = build(incidents);
    lookups.set(incidents, lookup);
  }
  return lookup;
}

/** A normalised incident id: ids match case-insensitively and ignoring surrounding spaces. */
export function incidentIdKey(id: string): string {
  return id.trim().toLowerCase();
}

/** Days since 1970-01-01 of an ISO date (only its first ten characters are read); NaN when it is not one. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** The dated incidents from `fromDay` to `toDay`, both included, oldest first. */
export function incidentsBetween(lookup: WorkspaceLookup, fromDay: number, toDay: number): DatedIncident[] {
  const list = lookup.byDate;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].day < fromDay) lo = mid + 1;
    else hi = mid;
  }
  const out: DatedIncident[] = [];
  for (let k = lo; k < list.length && list[k].day <= toDay; k++) out.push(list[k]);
  return out;
}

function build(incidents: readonly IncidentSummary[]): WorkspaceLookup {
  const byId = new Map<string, IncidentSummary[]>();
  const byDate: DatedIncident[] = [];
  for (const incident of incidents) {
    if (incident.incidentId !== undefined) {
      const key = incidentIdKey(incident.incidentId);
      const list = byId.get(key);
      if (list) list.push(incident);
      else byId.set(key, [incident]);
    }
    if (incident.date) {
      const day = dayNumber(incident.date);
      if (!Number.isNaN(day)) byDate.push({ day, incident });
    }
  }
  byDate.sort((a, b) => a.day - b.day);
  return { byId, byDate };
}
