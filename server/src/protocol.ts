/**
 * The custom protocol between the postmortem-lint server and its clients, and the typed settings. Shared by
 * the server and the VS Code client, so it imports only the protocol package.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { RuleConfig } from './core/config';
import type { GroupBy, Metrics } from './core/metrics/types';

/** `postmortemLint.*` settings, read per resource through `workspace/configuration`. */
export interface PostmortemLintSettings {
  /** Lint postmortems at all. */
  enable: boolean;
  /** Lint while typing or only when a document is saved. */
  run: 'onType' | 'onSave';
  /** Rule levels and options (merged under the workspace's config file). */
  rules: Record<string, RuleConfig>;
  /** Globs of postmortem files; empty keeps the defaults. */
  include: string[];
  /** ISO date that counts as today; empty uses the real date. */
  today: string;
  /** Sort the timeline table chronologically when formatting. */
  sortTimelineOnFormat: boolean;
}

/** Settings when the client sends none. */
export const DEFAULT_SETTINGS: PostmortemLintSettings = {
  enable: true,
  run: 'onType',
  rules: {},
  include: [],
  today: '',
  sortTimelineOnFormat: true,
};

/** Status of an action item as the views show it. */
export type ActionItemState = 'done' | 'inProgress' | 'planned' | 'blocked' | 'wontDo' | 'unknown';

/** One action item of the workspace, with the postmortem it belongs to. */
export interface ActionItemInfo {
  uri: string;
  range: Range;
  text: string;
  owner?: string;
  /** As written. */
  deadline?: string;
  /** ISO date when the deadline is one. */
  deadlineDate?: string;
  status: ActionItemState;
  /** The status as written. */
  statusText?: string;
  /** Where the status is written (a cell, a task box, a marker), for editing it in place. */
  statusRange?: Range;
  /** How the item is written. */
  source: 'table' | 'checklist' | 'bullet' | 'numbered' | 'paragraph';
  /** For table items: whether the table has a Status column. */
  hasStatusColumn?: boolean;
  category?: 'prevent' | 'detect' | 'mitigate' | 'learn';
  /** Days past the deadline when not done; absent when not overdue. */
  overdueDays?: number;
  postmortem: PostmortemOfItem;
}

/** The postmortem an action item belongs to, as the views label it. */
export interface PostmortemOfItem {
  title?: string;
  incidentId?: string;
  severity?: string;
  date?: string;
}

/**
 * A range as four numbers: start line, start character, end line, end character (zero-based, as LSP positions).
 * Like LSP's semantic tokens, the workspace-wide answers send numbers rather than objects: a `Range` object
 * is 70 bytes of JSON, and an action item carries two.
 */
export type CompactRange = [startLine: number, startCharacter: number, endLine: number, endCharacter: number];

/** The `Range` of a compact range. */
export function expandRange([startLine, startCharacter, endLine, endCharacter]: CompactRange): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/**
 * An action item as `postmortemLint/actionItems` sends it: without what its postmortem holds for all its
 * items, and with compact ranges.
 */
export type ActionItemFields = Omit<ActionItemInfo, 'uri' | 'postmortem' | 'range' | 'statusRange'> & {
  range: CompactRange;
  statusRange?: CompactRange;
};

/**
 * The action items of one postmortem, as `postmortemLint/actionItems` sends them. Grouped by file so that the
 * uri and the postmortem's title are sent once per file, not once per item, and with compact ranges: for
 * 27,150 items of 5,000 files that is 6.7 MB of JSON instead of 13.1 MB, to encode, send and decode on every
 * refresh of the view.
 */
export interface PostmortemActionItems {
  uri: string;
  postmortem: PostmortemOfItem;
  items: ActionItemFields[];
}

/** The items of every group, each with its file, its postmortem and `Range`s, as the views use them. */
export function flattenActionItems(groups: readonly PostmortemActionItems[]): ActionItemInfo[] {
  const items: ActionItemInfo[] = [];
  for (const group of groups) {
    for (const { range, statusRange, ...fields } of group.items) {
      items.push({ ...fields, range: expandRange(range), statusRange: statusRange && expandRange(statusRange), uri: group.uri, postmortem: group.postmortem });
    }
  }
  return items;
}

/** One postmortem of the workspace. */
export interface IncidentInfo {
  uri: string;
  incidentId?: string;
  title?: string;
  date?: string;
  severity?: string;
  durationMinutes?: number;
  rootCause?: string;
  tags: string[];
  services: string[];
  totalItems: number;
  openItems: number;
  overdueItems: number;
}

/** Every action item in the workspace's postmortems, grouped by postmortem (`flattenActionItems` lists them). */
export namespace ActionItemsRequest {
  export const method = 'postmortemLint/actionItems';
  export const type = new RequestType<Record<string, never>, PostmortemActionItems[], void>(method);
}

/** Every postmortem in the workspace. */
export namespace IncidentsRequest {
  export const method = 'postmortemLint/incidents';
  export const type = new RequestType<Record<string, never>, IncidentInfo[], void>(method);
}

/** Ranges of the timeline tables of a document (for "Format Timeline Table"). */
export namespace TimelineRangesRequest {
  export const method = 'postmortemLint/timelineRanges';
  export const type = new RequestType<{ uri: string }, Range[], void>(method);
}

/** What `postmortemLint/metrics` measures: incidents dated `since`..`until` (ISO, inclusive), grouped by month or quarter. */
export interface MetricsParams {
  since?: string;
  until?: string;
  groupBy?: GroupBy;
}

/** Incident metrics and trends over the workspace's postmortems, with action items counted against the workspace's today. */
export namespace MetricsRequest {
  export const method = 'postmortemLint/metrics';
  export const type = new RequestType<MetricsParams, Metrics, void>(method);
}

/** The server's process id, so that the editor tests can kill it and watch the client restart it. */
export namespace ServerInfoRequest {
  export const method = 'postmortemLint/serverInfo';
  export const type = new RequestType<Record<string, never>, { pid: number }, void>(method);
}

/** Sent when the workspace index changed (files added, changed, removed, or the date rolled over). */
export namespace IndexChangedNotification {
  export const method = 'postmortemLint/indexChanged';
  export const type = new NotificationType<{ postmortems: number }>(method);
}
