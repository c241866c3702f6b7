import type { Range } from 'vscode-languageserver-protocol';
import { daysOverdue } from '../core/model/actionItemQueries';
import type { LineIndex, Span } from '../core/model/lineIndex';
import type { ActionItem, PostmortemDocument, Table } from '../core/model/types';
import { metricsInput, type MetricsInput } from '../core/metrics/input';
import { summarizeIncident, type IncidentSummary } from '../core/workspace';
import type { ActionItemFields, ActionItemState, CompactRange, IncidentInfo, PostmortemOfItem } from '../protocol';

/** An action item as the index keeps it (and sends it, compact ranges included). */
export type IndexedActionItem = Omit<ActionItemFields, 'overdueDays'>;

/** What the index keeps of one postmortem: small enough for tens of thousands of files (no text, no model). */
export interface IndexEntry {
  uri: string;
  summary: IncidentSummary;
  /** The postmortem as its action items are labelled with. */
  postmortem: PostmortemOfItem;
  /** Action items with the overdue days left out (they depend on the day they are asked for). */
  actionItems: IndexedActionItem[];
  durationMinutes?: number;
  /** Range of the title heading, for workspace symbols. */
  titleRange: Range;
  /** Owners named in the action items. */
  owners: string[];
  /** What the metrics (`postmortemLint/metrics`) need of this postmortem. */
  metrics: MetricsInput;
}

function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

function toCompactRange(lines: LineIndex, span: Span): CompactRange {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return [start.line, start.character, end.line, end.character];
}

/** Builds the index entry of a parsed postmortem. */
export function indexEntry(uri: string, doc: PostmortemDocument): IndexEntry {
  const summary = summarizeIncident(doc, uri);
  const postmortem: PostmortemOfItem = { title: summary.title, incidentId: summary.incidentId, severity: summary.severity, date: summary.date };
  // The Status column of each table, found once per table rather than once per row.
  const statusColumns = new Map<Table, number>();
  const statusColumnOf = (table: Table) => {
    let column = statusColumns.get(table);
    if (column === undefined) statusColumns.set(table, (column = table.header.cells.findIndex((c) => /status|state/i.test(c.text))));
    return column;
  };
  const actionItems = doc.actionItems.map((item): IndexedActionItem => {
    const statusAt = statusSpan(item, statusColumnOf);
    return {
      range: toCompactRange(doc.lines, item.span),
      text: item.text,
      owner: item.owner?.value || undefined,
      deadline: item.deadline?.value || undefined,
      deadlineDate: item.deadline?.date,
      status: (item.status?.normalized ?? 'unknown') as ActionItemState,
      statusText: item.status?.value,
      statusRange: statusAt && toCompactRange(doc.lines, statusAt),
      source: item.source,
      hasStatusColumn: item.table ? statusColumnOf(item.table) >= 0 : undefined,
      category: item.category,
    };
  });
  const titleSpan = doc.title?.textSpan ?? { start: 0, end: 0 };
  const metrics = metricsInput(doc, uri, summary);
  return {
    uri,
    summary,
    postmortem,
    actionItems,
    durationMinutes: metrics.durationMinutes,
    titleRange: toRange(doc.lines, titleSpan),
    owners: [...new Set(actionItems.map((i) => i.owner).filter((o): o is string => !!o))],
    metrics,
  };
}

/** Where the item's status is written, or the empty Status cell of its row, for editing it in place. */
function statusSpan(item: ActionItem, statusColumnOf: (table: Table) => number): Span | undefined {
  if (item.status && !item.status.inherited) return item.status.span;
  if (!item.table || !item.row) return undefined;
  const column = statusColumnOf(item.table);
  return column >= 0 ? item.row.cells[column]?.span : undefined;
}

/** Days an item is overdue on `today`; undefined when it is not overdue. */
export function overdueDays(item: Pick<IndexedActionItem, 'deadlineDate' | 'status'>, today: string): number | undefined {
  return daysOverdue(item.deadlineDate, item.status === 'done' || item.status === 'wontDo', today);
}

/** The incident view of an entry on a given day. */
export function incidentInfo(entry: IndexEntry, today: string): IncidentInfo {
  const open = entry.actionItems.filter((i) => i.status !== 'done' && i.status !== 'wontDo');
  return {
    uri: entry.uri,
    incidentId: entry.summary.incidentId,
    title: entry.summary.title,
    date: entry.summary.date,
    severity: entry.summary.severity,
    durationMinutes: entry.durationMinutes,
    rootCause: entry.summary.rootCause,
    tags: entry.summary.tags,
    services: entry.summary.services,
    totalItems: entry.actionItems.length,
    openItems: open.length,
    overdueItems: open.filter((i) => overdueDays(i, today) !== undefined).length,
  };
}
