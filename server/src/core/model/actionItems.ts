import { parseIsoDate } from './dates';
import type { Span } from './lineIndex';
import { readCategory, readStatus } from './status';
import { findColumn } from './tables';
import type { ActionItem, ActionItemCategory, Deadline, ListItem, Located, Section, StatusMark, Table, TableRow } from './types';

const OWNER_COLUMN = /owner|assignee|who|responsible|dri\b/i;
const DEADLINE_COLUMN = /deadline|due|\bdate\b|eta|target|when/i;
const STATUS_COLUMN = /status|state|done\b/i;
const CATEGORY_COLUMN = /^(?:type|category|kind)$/i;
const TEXT_COLUMN = /action|item|task|description|what|follow/i;

const HANDLE = /(?<![\w.@])@[A-Za-z0-9][\w-]*(?:\/[\w-]+)?/;
const OWNER_LABEL = /\b(?:owner|owned by|assignee|assigned to|dri)\s*[:=]\s*(@?[\w.-]+(?: [A-Z][\w-]*)?)/i;
const DEADLINE_LABEL = /\b(?:due|deadline|by|until|eta|target)\s*[:=]?\s*(\d{4,5}-\d{1,2}-\d{1,2}|ongoing)\b/i;
const BARE_DATE = /(?<![\w-])(\d{4,5}-\d{1,2}-\d{1,2})(?![\w-])/;
const INLINE_STATUS = /(✅|🔄|📅|🚫)\s*([A-Za-z][A-Za-z -]{0,20})?|\((done|completed?|in progress|planned|blocked[^)]*)\)|\bstatus\s*:\s*([A-Za-z][\w -]{0,20})|\b(DONE|WIP|BLOCKED)\b/i;

/** Reads every action item in the action-item sections, whatever shape they are written in. */
export function readActionItems(prose: string, sections: Section[], tables: Table[], listItems: ListItem[]): ActionItem[] {
  const items: ActionItem[] = [];
  const actionSections = sections.filter((s) => s.kind === 'actionItems');
  if (actionSections.length === 0) return items;
  const sectionAt = (offset: number) => innermost(actionSections, offset);
  for (const table of tables) {
    const section = sectionAt(table.span.start);
    if (section) items.push(...fromTable(table, section));
  }
  for (const item of listItems) {
    const section = sectionAt(item.span.start);
    if (!section || !isActionListItem(item, listItems)) continue;
    items.push(fromListItem(prose, item, section));
  }
  return items.sort((a, b) => a.span.start - b.span.start);
}

function innermost(sections: Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (offset >= s.span.start && offset < s.span.end && (!found || s.level > found.level)) found = s;
  return found;
}

/** Top-level items are action items; a top-level item that only groups others ("**Immediate:**") is not. */
function isActionListItem(item: ListItem, all: ListItem[]): boolean {
  if (!item.parent) {
    const isGroup = /:\**$/.test(item.text) || /^\*\*[^*]+\*\*:?$/.test(item.text);
    return !(isGroup && all.some((other) => other.parent === item));
  }
  const parent = item.parent;
  return !parent.parent && (/:\**$/.test(parent.text) || /^\*\*[^*]+\*\*:?$/.test(parent.text));
}

function categoryOf(section: Section): ActionItemCategory | undefined {
  for (let s: Section | undefined = section; s && s.kind === 'actionItems'; s = s.parent) {
    const category = readCategory(s.heading.text);
    if (category && s.parent?.kind === 'actionItems') return category;
  }
  return undefined;
}

/** Status implied by the heading an item is under: "Immediate Actions (Completed)". */
function headingStatus(section: Section): StatusMark | undefined {
  const m = /\((completed?|done)\)/i.exec(section.heading.text);
  return m ? { value: m[1], span: section.heading.textSpan, normalized: 'done' } : undefined;
}

function fromTable(table: Table, section: Section): ActionItem[] {
  const owner = findColumn(table, OWNER_COLUMN);
  const deadline = findColumn(table, DEADLINE_COLUMN);
  const status = findColumn(table, STATUS_COLUMN);
  const category = findColumn(table, CATEGORY_COLUMN);
  let text = findColumn(table, TEXT_COLUMN);
  if (text < 0) text = table.header.cells.findIndex((c, k) => c.text !== '#' && ![owner, deadline, status, category].includes(k));
  if (text < 0) return [];
  const sectionCategory = categoryOf(section);
  const items: ActionItem[] = [];
  for (const row of table.rows) {
    const cell = row.cells[text];
    if (!cell || row.cells.every((c) => !c.text)) continue;
    items.push({
      line: row.line,
      span: row.span,
      text: cell.text,
      textSpan: cell.span,
      source: 'table',
      owner: located(row, owner),
      deadline: deadline >= 0 && row.cells[deadline] ? readDeadline(row.cells[deadline].text, row.cells[deadline].span) : undefined,
      status: status >= 0 && row.cells[status] ? statusMark(row.cells[status].text, row.cells[status].span) : headingStatus(section),
      category: (category >= 0 ? readCategory(row.cells[category]?.text ?? '') : undefined) ?? sectionCategory,
      row,
      table,
      section,
    });
  }
  return items;
}

function located(row: TableRow, column: number): Located | undefined {
  const cell = column >= 0 ? row.cells[column] : undefined;
  return cell ? { value: cell.text, span: cell.span } : undefined;
}

function statusMark(value: string, span: Span): StatusMark {
  const read = readStatus(value);
  return { value, span, normalized: read.status, reason: read.reason };
}

/** Reads a deadline value; an empty value gives an empty deadline so rules can point at the cell. */
export function readDeadline(value: string, span: Span): Deadline {
  const text = value.replace(/[*_`]/g, '').trim();
  const ongoing = /^(?:ongoing|continuous|recurring|n\/a \(ongoing\))$/i.test(text);
  const iso = parseIsoDate(text);
  const looksLikeDate = /^\d{4,5}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text);
  return { value, span, date: iso, ongoing, invalid: looksLikeDate && !iso };
}

function fromListItem(prose: string, item: ListItem, section: Section): ActionItem {
  const base = item.textSpan.start;
  const text = prose.slice(base, item.textSpan.end).replace(/\r?\n|\r/g, ' ');
  const result: ActionItem = {
    line: item.line,
    span: item.span,
    text: item.text,
    textSpan: item.textSpan,
    source: item.checkbox ? 'checklist' : item.ordered ? 'numbered' : 'bullet',
    category: categoryOf(section),
    listItem: item,
    section,
  };
  const label = OWNER_LABEL.exec(text);
  const handle = HANDLE.exec(text);
  if (label) result.owner = at(base, label.index + label[0].length - label[1].length, label[1]);
  else if (handle) result.owner = at(base, handle.index, handle[0]);
  const due = DEADLINE_LABEL.exec(text) ?? BARE_DATE.exec(text);
  if (due) {
    const value = due[1];
    const start = base + due.index + due[0].length - value.length;
    result.deadline = readDeadline(value, { start, end: start + value.length });
  } else if (/\bongoing\b/i.test(text)) {
    const m = /\bongoing\b/i.exec(text)!;
    result.deadline = readDeadline(m[0], { start: base + m.index, end: base + m.index + m[0].length });
  }
  if (item.checkbox) {
    result.status = { value: item.checkbox.checked ? '[x]' : '[ ]', span: item.checkbox.span, normalized: item.checkbox.checked ? 'done' : 'planned' };
  }
  const inline = INLINE_STATUS.exec(text);
  if (inline && (!item.checkbox || !item.checkbox.checked)) {
    const value = inline[0];
    const mark = statusMark(inline[2] ? `${inline[1]} ${inline[2]}` : inline[3] ?? inline[4] ?? inline[5] ?? inline[1], {
      start: base + inline.index,
      end: base + inline.index + value.length,
    });
    if (mark.normalized || inline[4]) result.status = mark;
  }
  result.status ??= headingStatus(section);
  return result;
}

function at(base: number, index: number, value: string): Located {
  return { value, span: { start: base + index, end: base + index + value.length } };
}
