import { frontMatterEntry } from './model/frontMatter';
import type { Span } from './model/lineIndex';
import type { PostmortemDocument } from './model/types';

/** What the workspace-aware rules (PM050, PM051) and the metrics know of one postmortem. */
export interface IncidentSummary {
  uri: string;
  incidentId?: string;
  /** Where `incident_id` is written. */
  incidentIdSpan?: Span;
  title?: string;
  /** ISO incident date. */
  date?: string;
  severity?: string;
  rootCause?: string;
  tags: string[];
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

/** Summarises a parsed postmortem for workspace-wide rules and metrics. */
export function summarizeIncident(doc: PostmortemDocument, uri: string): IncidentSummary {
  const id = frontMatterEntry(doc.frontMatter, 'incident_id');
  const titleEntry = frontMatterEntry(doc.frontMatter, 'title');
  return {
    uri,
    incidentId: id && id.value !== null && id.value !== undefined ? String(id.value) : undefined,
    incidentIdSpan: id?.valueSpan,
    title: doc.title?.text ?? (typeof titleEntry?.value === 'string' ? titleEntry.value : undefined),
    date: doc.incidentDate?.value,
    severity: doc.severity?.level ?? doc.severity?.value,
    rootCause: doc.rootCause?.value,
    tags: stringList(frontMatterEntry(doc.frontMatter, 'tags')?.value),
    services: stringList(frontMatterEntry(doc.frontMatter, 'affected_services')?.value),
    repeatOf: stringList(frontMatterEntry(doc.frontMatter, 'repeat_of')?.value),
    openActionItems: doc.actionItems.filter((item) => item.status?.normalized !== 'done' && item.status?.normalized !== 'wontDo').map((item) => item.text),
  };
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  if (typeof value === 'string' && value.trim()) return value.split(',').map((v) => v.trim()).filter(Boolean);
  return [];
}
