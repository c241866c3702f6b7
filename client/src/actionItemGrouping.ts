/**
 * How the Action Items view groups, orders and filters items. Pure: no `vscode` import, so it is unit-tested
 * without an editor.
 */
import type { ActionItemInfo } from '../../server/src/protocol';

/** The three ways the view can group items. */
export type GroupBy = 'status' | 'owner' | 'postmortem';

/** What the view shows. */
export interface GroupingOptions {
  groupBy: GroupBy;
  /** Show done and won't-do items (hidden by default). */
  showDone: boolean;
  /** Only items of this owner. */
  owner?: string;
}

/** One node of the first level of the tree. */
export interface ItemGroup {
  key: string;
  label: string;
  /** `overdue`, `inProgress`... for status groups (icons and colours). */
  state?: string;
  items: ActionItemInfo[];
}

/** Status groups in the order people act on them: overdue first. */
const STATUS_GROUPS: { key: string; label: string; test: (i: ActionItemInfo) => boolean }[] = [
  { key: 'overdue', label: 'Overdue', test: (i) => i.overdueDays !== undefined },
  { key: 'inProgress', label: 'In Progress', test: (i) => i.status === 'inProgress' },
  { key: 'planned', label: 'Planned', test: (i) => i.status === 'planned' },
  { key: 'blocked', label: 'Blocked', test: (i) => i.status === 'blocked' },
  { key: 'unknown', label: 'No Status', test: (i) => i.status === 'unknown' },
  { key: 'done', label: 'Done', test: (i) => i.status === 'done' },
  { key: 'wontDo', label: "Won't Do", test: (i) => i.status === 'wontDo' },
];

/** Whether an item needs no more work. */
export function isClosed(item: ActionItemInfo): boolean {
  return item.status === 'done' || item.status === 'wontDo';
}

/** Earliest deadline first, undated last, then by text. */
function byDeadline(a: ActionItemInfo, b: ActionItemInfo): number {
  const da = a.deadlineDate ?? '9999';
  const db = b.deadlineDate ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.text.localeCompare(b.text);
}

/** Groups the items for the tree. Empty groups are left out. */
export function groupActionItems(items: ActionItemInfo[], options: GroupingOptions): ItemGroup[] {
  const visible = items.filter((i) => (options.showDone || !isClosed(i)) && (!options.owner || i.owner === options.owner));
  if (options.groupBy === 'status') {
    const taken = new Set<ActionItemInfo>();
    return STATUS_GROUPS.map(({ key, label, test }) => {
      const members = visible.filter((i) => !taken.has(i) && test(i));
      members.forEach((i) => taken.add(i));
      return { key, label, state: key, items: members.sort(byDeadline) };
    }).filter((g) => g.items.length > 0);
  }
  const groups = new Map<string, ItemGroup>();
  for (const item of visible) {
    const key = options.groupBy === 'owner' ? (item.owner ?? '') : item.uri;
    const label = options.groupBy === 'owner' ? (item.owner ?? 'No owner') : postmortemLabel(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label, items: [] }));
    group.items.push(item);
  }
  const sorted = [...groups.values()].map((g) => ({ ...g, items: g.items.sort(byDeadline) }));
  if (options.groupBy === 'owner') return sorted.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label)));
  // Postmortems: newest incident first.
  return sorted.sort((a, b) => (b.items[0].postmortem.date ?? '').localeCompare(a.items[0].postmortem.date ?? '') || a.label.localeCompare(b.label));
}

/** "INC-2025-12-15 Disk full" or the file name. */
export function postmortemLabel(item: ActionItemInfo): string {
  const { incidentId, title } = item.postmortem;
  const name = title ?? item.uri.slice(item.uri.lastIndexOf('/') + 1);
  return incidentId ? `${incidentId} ${name}` : name;
}

/** The grey text after an item's label: owner, deadline, overdue days. */
export function itemDescription(item: ActionItemInfo): string {
  const parts: string[] = [];
  if (item.owner) parts.push(item.owner);
  if (item.deadline) parts.push(item.deadline);
  if (item.overdueDays !== undefined) parts.push(`${item.overdueDays} day${item.overdueDays === 1 ? '' : 's'} overdue`);
  return parts.join(' · ');
}

/** Every owner named in the items, for the owner filter. */
export function owners(items: ActionItemInfo[]): string[] {
  return [...new Set(items.map((i) => i.owner).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b));
}

/** The item as a Markdown task line (Copy as Markdown). */
export function itemAsMarkdown(item: ActionItemInfo): string {
  const box = item.status === 'done' ? '[x]' : '[ ]';
  const details = [item.owner, item.deadline ? `due: ${item.deadline}` : undefined].filter(Boolean).join(', ');
  const status = item.statusText && item.source === 'table' ? ` — ${item.statusText}` : '';
  return `- ${box} ${item.text}${details ? ` (${details})` : ''}${status}`;
}
