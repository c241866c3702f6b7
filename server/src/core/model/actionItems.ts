import { TRACKING_LINE, describeGroup, findDeadline, findOwner, findStatus, findTracking, ownerFromCell, statusFromCell } from './actionItemFields';
import { readDeadline } from './deadlines';
import { LineIndex, type Span } from './lineIndex';
import { inferCategory, readCategory } from './status';
import { findColumn } from './tables';
import type { ActionItem, ActionItemGroup, ListItem, Located, Section, Table, TableRow } from './types';

export { readDeadline } from './deadlines';

const OWNER_COLUMN = /\b(?:owners?|assignees?|who|responsible|dri)\b/i;
const DEADLINE_COLUMN = /\b(?:deadline|due|date|eta|target|when)\b/i;
const STATUS_COLUMN = /\b(?:status|state|progress)\b|^done\??$/i;
const CATEGORY_COLUMN = /^(?:type|category|kind)$/i;
const TRACKING_COLUMN = /\b(?:tracking|issues?|tickets?|bugs?|links?|pr)\b/i;
const NOTES_COLUMN = /\b(?:notes?|comments?|remarks?|reason)\b/i;
const TEXT_COLUMN = /\b(?:action|items?|tasks?|description|what|follow[- ]?ups?|improvements?)\b/i;

/** A bullet that only labels the items below it: `- **Immediate:**`, `- Short term:`. */
const GROUP_TEXT = /:\**$|^\*\*[^*]+\*\*:?$/;
/** MoJ writes its follow-ups as a bold-label bullet, not a section: `- **Review actions**:`. */
const ACTION_LABEL = /^\*\*(?:review actions|action items?|actions|follow[- ]?ups?|next steps)\*\*\s*:?\s*/i;
/** A paragraph that is itself an item: `**Action item:** Start incidents earlier. Owner: @x`. */
const ACTION_PARAGRAPH = /^(?:\*\*|__)?(?:action items?|action|todo|follow[- ]?up)\s*:\s*(?:\*\*|__)?\s*|^(?:\*\*|__)(?:action items?|action|todo|follow[- ]?up)(?:\*\*|__)\s*:\s*/i;
const LINK_REFERENCE = /^ {0,3}\[[^\]]+\]:\s*\S/;

type Role = 'item' | 'group' | 'detail' | 'skip';

/** Groups made from headings, as opposed to labels and group bullets (for `categorySource`). */
const headingGroups = new WeakSet<ActionItemGroup>();

/** What the reader needs about the document. */
interface Source {
  prose: string;
  lines: LineIndex;
  actionSections: Section[];
  /** Innermost section of each line, and innermost action-item section of each line. */
  sectionOfLine: (Section | undefined)[];
  actionOfLine: (Section | undefined)[];
}

/** Innermost section per line, by one sweep: sections come parents first, so children overwrite them. */
function sectionsByLine(lines: LineIndex, sections: Section[]): (Section | undefined)[] {
  const byLine = new Array<Section | undefined>(lines.lineCount).fill(undefined);
  for (const s of sections) byLine.fill(s, s.startLine, s.endLine + 1);
  return byLine;
}

/**
 * Reads every action item: table rows, checklists, bullets and numbered items in the action-item sections,
 * `**Action item:**` paragraphs, and bullets under a `**Review actions**` label anywhere. Group headings,
 * group labels and nested explanation bullets are not items; what a group says (category, status, time
 * horizon, tracking issue) is passed down to its items.
 */
export function readActionItems(prose: string, sections: Section[], tables: Table[], listItems: ListItem[], lines = new LineIndex(prose)): ActionItem[] {
  const actionSections = sections.filter((s) => s.kind === 'actionItems');
  const src: Source = {
    prose,
    lines,
    actionSections,
    sectionOfLine: sectionsByLine(lines, sections),
    actionOfLine: sectionsByLine(lines, actionSections),
  };
  const sectionGroups = new Map<Section, ActionItemGroup>();
  for (const section of actionSections) sectionGroups.set(section, sectionGroup(src, section, sectionGroups.get(section.parent!)));
  const lazyDetails = new Set<ListItem>();
  const parents = virtualParents(src, listItems, lazyDetails);
  const items: ActionItem[] = [];
  const positioned = paragraphGroups(src, sectionGroups, listItems, tables, items);
  const roles = new Map<ListItem, Role>();
  const groups = new Map<ListItem, ActionItemGroup>();
  const childCount = new Map<ListItem, number>();
  for (const item of listItems) {
    const parent = parents.get(item);
    if (parent) childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  }
  for (const item of listItems) {
    const parent = parents.get(item);
    const section = src.actionOfLine[item.line];
    let group: ActionItemGroup | undefined;
    if (parent) {
      if (roles.get(parent) !== 'group' || lazyDetails.has(item)) {
        roles.set(item, 'detail');
        continue;
      }
      group = groups.get(parent);
    } else if (section) {
      group = positioned.get(item) ?? sectionGroups.get(section);
    }
    const label = ACTION_LABEL.exec(item.text);
    if (!group && !label) continue;
    const rest = label ? item.text.slice(label[0].length).trim() : item.text;
    const children = childCount.get(item) ?? 0;
    if ((label && (children > 0 || !rest)) || (children > 0 && isGroupText(item.text))) {
      roles.set(item, 'group');
      const raw = lines.text.slice(item.textSpan.start, item.textSpan.end);
      groups.set(item, describeGroup(item.text, item.textSpan, raw, item.textSpan.start, true, group));
      continue;
    }
    const words = src.prose.slice(item.textSpan.start, item.textSpan.end).replace(/[*_\s]/g, '');
    if (!rest.replace(/[*_\s]/g, '') || ((TRACKING_LINE.test(rest) || !words) && group)) {
      roles.set(item, 'skip');
      if (group && !group.tracking) group.tracking = findTracking(lines.text.slice(item.textSpan.start, item.textSpan.end), item.textSpan.start);
      continue;
    }
    roles.set(item, 'item');
    const labelGroup = label ? describeGroup(label[0].trim(), { start: item.textSpan.start, end: item.textSpan.start + label[0].trimEnd().length }, '', 0, false, group) : group;
    items.push(fromListItem(src, item, label ? label[0].length : 0, labelGroup, section));
  }
  for (const table of tables) {
    const section = src.actionOfLine[table.startLine];
    if (section) items.push(...fromTable(table, positioned.get(table) ?? sectionGroups.get(section), section));
  }
  return items.sort((a, b) => a.span.start - b.span.start);
}

/** A heading's group; only a sub-heading ("### Detect") or a heading that is just a category word names a category. */
function sectionGroup(src: Source, section: Section, parent: ActionItemGroup | undefined): ActionItemGroup {
  const { heading } = section;
  const isSub = section.parent?.kind === 'actionItems';
  const bare = /^\W*(?:prevent(?:ion)?|detect(?:ion)?|mitigat(?:e|ion)|learn(?:ing)?)\W*$/i.test(heading.text);
  const raw = src.lines.text.slice(heading.span.start, heading.span.end);
  const group = describeGroup(heading.text, heading.textSpan, raw, heading.span.start, isSub || bare, parent);
  headingGroups.add(group);
  return group;
}

/**
 * The parent each list item really has. Two layouts put items in a separate top-level list although they
 * belong to an item above: detail bullets written flush left under a numbered item (PostHog
 * `1. **Migration** … :` then `- Created …`), and a numbered list under a `- **Review actions**:` label (MoJ).
 */
function virtualParents(src: Source, listItems: ListItem[], lazyDetails: Set<ListItem>): Map<ListItem, ListItem | undefined> {
  const parents = new Map<ListItem, ListItem | undefined>();
  let anchor: ListItem | undefined;
  let anchorKind: 'numbered' | 'label' | undefined;
  let lastLine = -1;
  for (const item of listItems) {
    let parent = item.parent;
    if (!parent && anchor && blankBetween(src, lastLine + 1, item.line) && sameSection(src, anchor, item)) {
      if (anchorKind === 'numbered' && !item.ordered) lazyDetails.add(item);
      if ((anchorKind === 'numbered' && !item.ordered) || anchorKind === 'label') parent = anchor;
    }
    parents.set(item, parent);
    lastLine = Math.max(lastLine, src.lines.lineAt(item.span.end));
    if (parent || item.parent) continue;
    const labelOnly = ACTION_LABEL.test(item.text) && !item.text.replace(ACTION_LABEL, '').trim();
    if (labelOnly) [anchor, anchorKind] = [item, 'label'];
    else if (item.ordered && GROUP_TEXT.test(item.text)) [anchor, anchorKind] = [item, 'numbered'];
    else [anchor, anchorKind] = [undefined, undefined];
  }
  return parents;
}

/** A short label that only names the items below it. */
function isGroupText(text: string): boolean {
  return GROUP_TEXT.test(text) && text.split(/\s+/).length <= 8;
}

function blankBetween(src: Source, from: number, to: number): boolean {
  for (let line = from; line < to; line++) if (src.lines.lineText(line).trim()) return false;
  return true;
}

function sameSection(src: Source, a: ListItem, b: ListItem): boolean {
  return src.sectionOfLine[a.line] === src.sectionOfLine[b.line];
}

/**
 * Walks the prose lines of each action section. A paragraph ending in ":" ("**In progress (next 2 weeks):**",
 * "We are committed to:") labels the lists and tables after it; any other paragraph ends the label. A
 * "Follow along here" line gives the group its tracking issue. `**Action item:** …` paragraphs become items.
 */
function paragraphGroups(
  src: Source,
  sectionGroups: Map<Section, ActionItemGroup>,
  listItems: ListItem[],
  tables: Table[],
  items: ActionItem[],
): Map<ListItem | Table, ActionItemGroup> {
  const result = new Map<ListItem | Table, ActionItemGroup>();
  if (src.actionSections.length === 0) return result;
  const { lines, prose } = src;
  const starts = new Map<number, ListItem | Table>();
  const covered = new Uint8Array(lines.lineCount);
  for (const item of listItems) {
    if (!item.parent) starts.set(item.line, item);
    covered.fill(1, item.line, lines.lineAt(item.span.end) + 1);
  }
  for (const table of tables) {
    starts.set(table.startLine, table);
    covered.fill(1, table.startLine, table.endLine + 1);
  }
  for (const section of src.actionSections) {
    const sectionGroupOf = sectionGroups.get(section)!;
    let label: ActionItemGroup | undefined;
    let inList = false;
    const first = lines.lineAt(section.heading.span.end) + 1;
    const last = section.children.length ? section.children[0].startLine - 1 : section.endLine;
    for (let line = first; line <= last; line++) {
      const raw = lines.lineText(line);
      const started = starts.get(line);
      if (started) result.set(started, label ?? sectionGroupOf);
      if (!raw.trim()) continue;
      if (covered[line]) {
        inList = true;
        continue;
      }
      // Indented lines after a list belong to its last item (lazy continuations, images, second paragraphs).
      if (inList && /^\s/.test(raw)) continue;
      inList = false;
      const text = prose.slice(lines.lineStarts[line], lines.lineEnds[line]).trim();
      if (LINK_REFERENCE.test(raw)) continue;
      const group = label ?? sectionGroupOf;
      if (TRACKING_LINE.test(raw) || !text) {
        group.tracking ??= findTracking(raw, lines.lineStarts[line]);
        continue;
      }
      const paragraphEnd = paragraphLastLine(src, covered, line, last);
      const action = ACTION_PARAGRAPH.exec(text);
      if (action) {
        items.push(fromParagraph(src, line, paragraphEnd, action[0].length, group, section));
      } else if (/:[^\w:]*$/.test(prose.slice(lines.lineStarts[paragraphEnd], lines.lineEnds[paragraphEnd]).trim())) {
        const span = { start: lines.lineStarts[line] + raw.indexOf(raw.trim()), end: lines.lineEnds[paragraphEnd] };
        const labelText = lines.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
        // Only a short label names a category: a long lead-in sentence mentions "process" in passing.
        const plain = labelText.replace(/[*_]/g, '');
        label = describeGroup(plain, span, labelText, span.start, plain.split(' ').length <= 8, sectionGroupOf);
      } else {
        label = undefined;
      }
      line = paragraphEnd;
    }
  }
  return result;
}

function paragraphLastLine(src: Source, covered: Uint8Array, line: number, last: number): number {
  let end = line;
  while (end + 1 <= last && !covered[end + 1] && src.lines.lineText(end + 1).trim() && !/^\s{0,3}#/.test(src.lines.lineText(end + 1))) end++;
  return end;
}

/** Fills in what the item does not say itself from its groups, innermost first. */
function inherit(item: ActionItem): ActionItem {
  for (let g = item.group; g; g = g.parent) {
    if (!item.deadline && g.deadline) item.deadline = g.deadline;
    if (!item.status && g.status) item.status = g.status;
    if (!item.tracking && g.tracking) item.tracking = g.tracking;
    if (!item.category && g.category) [item.category, item.categorySource] = [g.category, headingGroups.has(g) ? 'heading' : 'label'];
  }
  if (!item.category) {
    item.category = inferCategory(item.text);
    if (item.category) item.categorySource = 'text';
  }
  return item;
}

function fromListItem(src: Source, item: ListItem, skip: number, group: ActionItemGroup | undefined, section: Section | undefined): ActionItem {
  const textSpan: Span = { start: Math.min(item.textSpan.start + skip, item.textSpan.end), end: item.textSpan.end };
  const result: ActionItem = {
    line: item.line,
    span: item.span,
    text: item.text.slice(skip).trim(),
    textSpan,
    source: item.checkbox ? 'checklist' : item.ordered ? 'numbered' : 'bullet',
    listItem: item,
    section,
    group,
  };
  readInline(src, result);
  if (item.checkbox && (item.checkbox.checked || !result.status)) {
    const checked = item.checkbox.checked;
    result.status = { value: checked ? '[x]' : '[ ]', span: item.checkbox.span, normalized: checked ? 'done' : 'planned' };
  }
  return inherit(result);
}

function fromParagraph(src: Source, line: number, lastLine: number, skip: number, group: ActionItemGroup, section: Section): ActionItem {
  const { lines } = src;
  const lead = lines.lineText(line).length - lines.lineText(line).trimStart().length;
  const span = { start: lines.lineStarts[line], end: lines.lineEnds[lastLine] };
  const textSpan = { start: span.start + lead + skip, end: span.end };
  const text = lines.text.slice(textSpan.start, textSpan.end).replace(/\s+/g, ' ').trim();
  const result: ActionItem = { line, span, text, textSpan, source: 'paragraph', section, group };
  readInline(src, result);
  return inherit(result);
}

function readInline(src: Source, item: ActionItem): void {
  const base = item.textSpan.start;
  const prose = src.prose.slice(base, item.textSpan.end).replace(/\r?\n|\r/g, ' ');
  const raw = src.lines.text.slice(base, item.textSpan.end);
  item.owner = findOwner(prose, base);
  item.deadline = findDeadline(prose, base);
  item.status = findStatus(prose, base);
  item.tracking = findTracking(raw, base);
}

function fromTable(table: Table, group: ActionItemGroup | undefined, section: Section): ActionItem[] {
  const owner = findColumn(table, OWNER_COLUMN);
  const deadline = findColumn(table, DEADLINE_COLUMN);
  const status = findColumn(table, STATUS_COLUMN);
  const category = findColumn(table, CATEGORY_COLUMN);
  const tracking = findColumn(table, TRACKING_COLUMN);
  const notes = findColumn(table, NOTES_COLUMN);
  const meta = [owner, deadline, status, category, tracking, notes];
  let text = findColumn(table, TEXT_COLUMN);
  // A table with no action column and no owner, deadline or status column is not an action-item table.
  if (text < 0 && owner < 0 && deadline < 0 && status < 0) return [];
  if (text < 0) text = table.header.cells.findIndex((c, k) => c.text !== '#' && !meta.includes(k));
  if (text < 0) return [];
  const items: ActionItem[] = [];
  for (const row of table.rows) {
    const cell = row.cells[text];
    if (!cell?.text) continue;
    const note = notes >= 0 ? row.cells[notes]?.text : undefined;
    const item: ActionItem = {
      line: row.line,
      span: row.span,
      text: cell.text,
      textSpan: cell.span,
      source: 'table',
      owner: owner >= 0 && row.cells[owner] ? ownerFromCell(row.cells[owner].text, row.cells[owner].span) : undefined,
      deadline: deadline >= 0 && row.cells[deadline] ? readDeadline(row.cells[deadline].text, row.cells[deadline].span) : undefined,
      status: rowStatus(row, status, notes),
      tracking: located(row, tracking),
      row,
      table,
      section,
      group,
    };
    if (item.status?.normalized === 'blocked' && !item.status.reason && note && status >= 0) item.status.reason = note;
    const type = category >= 0 ? readCategory(row.cells[category]?.text ?? '') : undefined;
    if (type) [item.category, item.categorySource] = [type, 'column'];
    items.push(inherit(item));
  }
  return items;
}

/** The Status cell; without a Status column, a Notes cell that is only a status word ("Done") counts. */
function rowStatus(row: TableRow, status: number, notes: number) {
  const cell = row.cells[status >= 0 ? status : notes];
  if (!cell?.text || /^[-–—]$/.test(cell.text)) return undefined;
  const mark = statusFromCell(cell.text, cell.span);
  return status >= 0 || mark.normalized ? mark : undefined;
}

function located(row: TableRow, column: number): Located | undefined {
  const cell = column >= 0 ? row.cells[column] : undefined;
  return cell?.text ? { value: cell.text, span: cell.span } : undefined;
}

/** Which table column holds the owner, deadline or status of a table item (-1 when there is none). */
export function columnOf(item: ActionItem, what: 'owner' | 'deadline' | 'status'): number {
  if (!item.table) return -1;
  return findColumn(item.table, what === 'owner' ? OWNER_COLUMN : what === 'deadline' ? DEADLINE_COLUMN : STATUS_COLUMN);
}
