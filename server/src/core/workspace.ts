import { frontMatterEntry } from './model/frontMatter';
import { headerField, readIncidentStart, readPublished } from './model/incidentTimes';
import type { Span } from './model/lineIndex';
import { termsOnDemand } from './model/similarity';
import type { PostmortemDocument } from './model/types';
import { incidentIdKey } from './workspaceLookup';

/** What the workspace-aware rules (PM050, PM051) and the metrics know of one postmortem. */
export interface IncidentSummary {
  uri: string;
  incidentId?: string;
  /** Where `incident_id` is written. */
  incidentIdSpan?: Span;
  title?: string;
  /** ISO incident date. */
  date?: string;
  /** When the incident started, minutes since 1970-01-01 UTC (the start of its day when no time is given). */
  start?: number;
  /** ISO date (or date-time as written) of `published:` in the front matter. */
  published?: string;
  /** Document status from front matter `status:` or the header's Status field, lower case (`draft`, `final`). */
  status?: string;
  severity?: string;
  rootCause?: string;
  tags: string[];
  /** Affected services. */
  services: string[];
  /** `repeat_of:` ids acknowledged by the author. */
  repeatOf: string[];
  /** Texts of the action items not done. */
  openActionItems: string[];
}

/** The other postmortems a caller knows about. */
export interface WorkspaceView {
  incidents: IncidentSummary[];
}

/** An empty workspace: a single file linted alone. */
export const EMPTY_WORKSPACE: WorkspaceView = { incidents: [] };

/** Front matter keys teams use for the affected services. */
const SERVICE_KEYS = ['affected_services', 'services', 'service', 'affected_service'];

/** The terms of a summary's root cause, for comparing causes. */
export const rootCauseTermsOf = termsOnDemand<IncidentSummary>((summary) => summary.rootCause);

/** Summarises a parsed postmortem for workspace-wide rules and metrics. */
export function summarizeIncident(doc: PostmortemDocument, uri: string): IncidentSummary {
  const id = readIncidentId(doc);
  const titleEntry = frontMatterEntry(doc.frontMatter, 'title');
  const published = readPublished(doc);
  const rootCause = doc.rootCause?.value;
  return {
    uri,
    incidentId: id?.value,
    incidentIdSpan: id?.span,
    title: doc.title?.text ?? (typeof titleEntry?.value === 'string' ? titleEntry.value : undefined),
    date: doc.incidentDate?.value,
    start: readIncidentStart(doc)?.instant.earliest,
    published: published ? scalarText(published.entry.value) : undefined,
    status: readDocumentStatus(doc)?.value,
    severity: doc.severity?.level ?? doc.severity?.value,
    rootCause,
    tags: stringList(frontMatterEntry(doc.frontMatter, 'tags')?.value),
    services: stringList(SERVICE_KEYS.map((key) => frontMatterEntry(doc.frontMatter, key)?.value).find((v) => v !== undefined)),
    repeatOf: stringList(frontMatterEntry(doc.frontMatter, 'repeat_of')?.value),
    openActionItems: doc.actionItems.filter((item) => item.status?.normalized !== 'done' && item.status?.normalized !== 'wontDo').map((item) => item.text),
  };
}

/** The incident id: front matter `incident_id`, else an Incident ID field in the header. */
export function readIncidentId(doc: PostmortemDocument): { value: string; span: Span } | undefined {
  const entry = frontMatterEntry(doc.frontMatter, 'incident_id');
  if (entry) {
    const value = scalarText(entry.value)?.trim();
    return value ? { value, span: entry.valueSpan } : undefined;
  }
  const field = headerField(doc, 'incident id');
  const value = field?.value.replace(/[*_`]/g, '').trim();
  // A label with a sentence after it is prose, not an id.
  return field && value && !/\s/.test(value) ? { value, span: field.valueSpan } : undefined;
}

/** The document's status, lower case: front matter `status`, else the header's Status field. */
export function readDocumentStatus(doc: PostmortemDocument): { value: string; span: Span; from: 'frontMatter' | 'field' } | undefined {
  const entry = frontMatterEntry(doc.frontMatter, 'status');
  const meta = entry && scalarText(entry.value)?.trim();
  if (entry && meta) return { value: meta.toLowerCase(), span: entry.valueSpan, from: 'frontMatter' };
  const field = headerField(doc, 'status');
  const value = field?.value.replace(/[*_`]/g, '').trim();
  return field && value ? { value: value.toLowerCase(), span: field.valueSpan, from: 'field' } : undefined;
}

/** Whether two incident ids name the same incident: case and surrounding space do not matter. */
export function sameIncidentId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && incidentIdKey(a) === incidentIdKey(b);
}

function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined && typeof v !== 'object').map(String);
  if (typeof value === 'string' && value.trim()) return value.split(',').map((v) => v.trim()).filter(Boolean);
  if (typeof value === 'number') return [String(value)];
  return [];
}
