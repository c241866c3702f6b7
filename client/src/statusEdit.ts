/** How Mark Done / In Progress / Blocked rewrite an action item's status. Pure: unit-tested without an editor. */
import type { ActionItemInfo } from '../../server/src/protocol';

/** The statuses the commands set. */
export type NewStatus = 'done' | 'inProgress' | 'blocked';

const LABELS: Record<NewStatus, string> = { done: '✅ Done', inProgress: '🔄 In Progress', blocked: '🚫 Blocked' };

/** A replacement in document coordinates (zero-based line/character). */
export interface StatusReplacement {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/**
 * The edit that gives an item a new status: the status cell or marker is replaced; a task box is ticked or
 * cleared; a list item without a marker gets one at the end of its first line. A problem (not an edit)
 * when the item has nowhere to write a status (a table without a Status column).
 */
export function statusReplacement(item: ActionItemInfo, status: NewStatus, firstLine: string): StatusReplacement[] | { problem: string } {
  const label = LABELS[status];
  const range = item.statusRange;
  if (range) {
    const isBox = item.source === 'checklist' && /^\[[ x]\]$/i.test(item.statusText ?? '');
    if (!isBox) return [{ range, newText: label }];
    if (status === 'done') return [{ range, newText: '[x]' }];
    // Not done: an open box plus a marker, "- [ ] ... 🔄 In Progress".
    return [{ range, newText: '[ ]' }, { range: endOf(item.range.start.line, firstLine), newText: ` ${label}` }];
  }
  if (item.source === 'table') return { problem: 'This action item table has no Status column to write to.' };
  return [{ range: endOf(item.range.start.line, firstLine), newText: ` ${label}` }];
}

function endOf(line: number, text: string) {
  const character = text.trimEnd().length;
  return { start: { line, character }, end: { line, character } };
}
