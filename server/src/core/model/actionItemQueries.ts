import { columnOf } from './actionItems';
import { daysBetween } from './dates';
import type { Span } from './lineIndex';
import type { ActionItem, PostmortemDocument } from './types';

/** Whether an item needs no more work: done, or decided against. */
export function isClosed(item: ActionItem): boolean {
  return item.status?.normalized === 'done' || item.status?.normalized === 'wontDo';
}

/** Days a deadline has passed on `today` while work is open; undefined when it has not passed. */
export function daysOverdue(deadlineDate: string | undefined, closed: boolean, today: string): number | undefined {
  if (!deadlineDate || closed) return undefined;
  const days = daysBetween(deadlineDate, today);
  return days > 0 ? days : undefined;
}

/** Days an action item is overdue on `today`; undefined when it is not. */
export function overdueDays(item: ActionItem, today: string): number | undefined {
  return daysOverdue(item.deadline?.invalid ? undefined : item.deadline?.date, isClosed(item), today);
}

/** The item's text on its first line: where a problem about the whole item is shown. */
export function itemSpan(doc: PostmortemDocument, item: ActionItem): Span {
  const lineEnd = doc.lines.lineEnds[doc.lines.lineAt(item.textSpan.start)];
  return { start: item.textSpan.start, end: Math.max(item.textSpan.start, Math.min(item.textSpan.end, lineEnd)) };
}

/**
 * Where to report a problem about one of the item's fields: the table cell when the item is a row (the
 * field's own cell if the table has that column), the field itself when it is written on the item, else the item.
 */
export function fieldSpan(doc: PostmortemDocument, item: ActionItem, field: 'owner' | 'deadline' | 'status'): Span {
  const column = columnOf(item, field);
  if (item.row && column >= 0 && item.row.cells[column]) return item.row.cells[column].span;
  const located = item[field];
  if (located && !('inherited' in located && located.inherited) && located.span.start >= item.span.start && located.span.end <= item.span.end) {
    return located.span;
  }
  return itemSpan(doc, item);
}

/** The Action Items heading to report list-wide problems on: the first top-level action section with items. */
export function actionItemsAnchor(doc: PostmortemDocument): Span | undefined {
  const tops = doc.sections.filter((s) => s.kind === 'actionItems' && s.parent?.kind !== 'actionItems');
  const withItems = tops.find((s) => doc.actionItems.some((i) => i.span.start >= s.span.start && i.span.start < s.span.end));
  const section = withItems ?? (doc.actionItems.length === 0 ? tops[0] : undefined);
  if (section) return section.heading.textSpan;
  let group = doc.actionItems[0]?.group;
  while (group?.parent) group = group.parent;
  return group?.span ?? (doc.actionItems[0] && itemSpan(doc, doc.actionItems[0]));
}
