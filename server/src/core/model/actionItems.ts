import { TRACKING_LINE, describeGroup, findDeadline, mayBeTrackingLine, findOwner, findStatus, findTracking, ownerFromCell, statusFromCell } from './actionItemFields';
import { readDeadline } from './deadlines';
import { LineIndex, type Span } from './lineIndex';
import { inferCategory, readCategory } from './status';
import { findColumn } from './tables';
import type { ActionItem, ActionItemGroup, ListItem, Located, Section, Table, TableRow } from './types';
import { isRegexSpace } from './whitespace';

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
export const ACTION_LABEL = /^\*\*(?:review actions|action items?|actions|follow[- ]?ups?|next steps)\*\*\s*:?\s*/i;
/** A paragraph that is itself an item: `**Action item:** Start incidents earlier. Owner: @x`. */
const ACTION_PARAGRAPH = /^(?:\*\*|__)?(?:action items?|action|todo|follow[- ]?up)\s*:\s*(?:\*\*|__)?\s*|^(?:\*\*|__)(?:action items?|action|todo|follow[- ]?up)(?:\*\*|__)\s*:\s*/i;
const LINK_REFERENCE = /^ {0,3}\[[^\]]+\]:\s*\S/;

/** What the reader needs about the document. */
interface Source {
  prose: string;
  lines: LineIndex;
  actionSections: Section[];
  /** Groups made from headings, as opposed to labels and group bullets (for `categorySource`). */
  headingGroups: Set<ActionItemGroup>;
}

/**
 * Reads every action item: table rows, checklists, bullets and numbered items in the action-item sections,
 * `**Action item:**` paragraphs, and bullets under a `**Review actions**` label anywhere. Group headings,
 * group labels and nested explanation bullets are not items; what a group says (category, status, time
 * horizon, tracking issue) is passed down to its items. List items and tables must know their innermost
 * `section` (parsePostmortem sets it first).
 *
 * Most list items of a document are outside the action sections and are passed over at once: only items with a
 * parent, an action section or a bold lead (`**Review actions**`) are looked at, and per-item facts live in maps
 * only for the few items they concern.
 */
export function readActionItems(prose: string, sections: Section[], tables: Table[], listItems: ListItem[], lines = new LineIndex(prose)): ActionItem[] {
  const actionSections = sections.filter((s) => s.kind === 'actionItems');
  const src: Source = { prose, lines, actionSections, headingGroups: new Set() };
  const sectionGroups = new Map<Section, ActionItemGroup>();
  for (const section of actionSections) sectionGroups.set(section, sectionGroup(src, section, sectionGroups.get(section.parent!)));
  const { virtual, lazyDetails, hasChildren } = virtualParents(src, listItems);
  const items: ActionItem[] = [];
  const positioned = paragraphGroups(src, sectionGroups, listItems, tables, items);
  /** Items that are group labels or group bullets, and the group each makes. */
  const groups = new Map<ListItem, ActionItemGroup>();
  for (const item of listItems) {
    const parent = item.parent ?? (virtual.size ? virtual.get(item) : undefined);
    const section = actionSectionOf(item.section);
    let group: ActionItemGroup | undefined;
    if (parent) {
      // Only the children of a group are items; the children of an item are its details.
      group = groups.size ? groups.get(parent) : undefined;
      if (!group || (lazyDetails.size && lazyDetails.has(item))) continue;
    } else if (section) {
      group = positioned.groupOf(item, item.line) ?? sectionGroups.get(section);
    }
    const label = mayBeActionLabel(item.text) ? ACTION_LABEL.exec(item.text) : null;
    if (!group && !label) continue;
    const rest = label ? item.text.slice(label[0].length).trim() : item.text;
    const children = hasChildren.has(item);
    if ((label && (children || !rest)) || (children && isGroupText(item.text))) {
      const raw = lines.text.slice(item.textSpan.start, item.textSpan.end);
      groups.set(item, describeGroup(item.text, item.textSpan, raw, item.textSpan.start, true, group));
      continue;
    }
    if (!hasWords(rest, 0, rest.length) || (group && ((mayBeTrackingLine(rest) && TRACKING_LINE.test(rest)) || !hasWords(src.prose, item.textSpan.start, item.textSpan.end)))) {
      if (group && !group.tracking) group.tracking = findTracking(lines.text.slice(item.textSpan.start, item.textSpan.end), item.textSpan.start);
      continue;
    }
    const labelGroup = label ? describeGroup(label[0].trim(), { start: item.textSpan.start, end: item.textSpan.start + label[0].trimEnd().length }, '', 0, false, group) : group;
    items.push(fromListItem(src, item, label ? label[0].length : 0, labelGroup, section));
  }
  for (const table of tables) {
    const section = actionSectionOf(table.section);
    if (section) items.push(...fromTable(src, table, positioned.groupOf(table, table.startLine) ?? sectionGroups.get(section), section));
  }
  // Items come mostly in order already (paragraph items and table rows are the exceptions).
  return isSortedByStart(items) ? items : items.sort((a, b) => a.span.start - b.span.start);
}

function isSortedByStart(items: ActionItem[]): boolean {
  for (let k = 1; k < items.length; k++) if (items[k - 1].span.start > items[k].span.start) return false;
  return true;
}

/**
 * The innermost action-item section around what lies in `section`: it or its nearest action-item ancestor (the
 * sections around a line are the innermost one and its ancestors).
 */
function actionSectionOf(section: Section | undefined): Section | undefined {
  for (let s = section; s; s = s.parent) if (s.kind === 'actionItems') return s;
  return undefined;
}

/**
 * Whether ACTION_LABEL can match: it starts with `**` and then the first letter of one of its words (r, a, f or n
 * in either case), which most item texts, bold leads included, do not.
 */
export function mayBeActionLabel(text: string): boolean {
  if (text.charCodeAt(0) !== 42 || text.charCodeAt(1) !== 42) return false;
  const lower = text.charCodeAt(2) | 32;
  return lower === 114 /* r */ || lower === 97 /* a */ || lower === 102 /* f */ || lower === 110 /* n */;
}

/** A heading's group; only a sub-heading ("### Detect") or a heading that is just a category word names a category. */
function sectionGroup(src: Source, section: Section, parent: ActionItemGroup | undefined): ActionItemGroup {
  const { heading } = section;
  // A sub-heading names a category whatever its words: the bare-word test is only needed for the others.
  const named = section.parent?.kind === 'actionItems' || /^\W*(?:prevent(?:ion)?|detect(?:ion)?|mitigat(?:e|ion)|learn(?:ing)?)\W*$/i.test(heading.text);
  const raw = src.lines.text.slice(heading.span.start, heading.span.end);
  const group = describeGroup(heading.text, heading.textSpan, raw, heading.span.start, named, parent);
  src.headingGroups.add(group);
  return group;
}

/**
 * The parents list items have besides their own. Two layouts put items in a separate top-level list although they
 * belong to an item above: detail bullets written flush left under a numbered item (PostHog
 * `1. **Migration** … :` then `- Created …`), and a numbered list under a `- **Review actions**:` label (MoJ).
 * Such flush-left details are also returned as `lazyDetails`. `hasChildren` holds the items that are a parent,
 * their own or virtual (told in the same walk, rather than in a second one over every item).
 */
function virtualParents(src: Source, listItems: ListItem[]): { virtual: Map<ListItem, ListItem>; lazyDetails: Set<ListItem>; hasChildren: Set<ListItem> } {
  const virtual = new Map<ListItem, ListItem>();
  const lazyDetails = new Set<ListItem>();
  const hasChildren = new Set<ListItem>();
  let anchor: ListItem | undefined;
  let anchorKind: 'numbered' | 'label' | undefined;
  /** The furthest end of the items so far; its line is only needed when an anchor waits for items. */
  let lastEnd = -1;
  for (const item of listItems) {
    let parent = item.parent;
    if (!parent && anchor && blankBetween(src, lastEnd < 0 ? 0 : src.lines.lineAt(lastEnd) + 1, item.line) && anchor.section === item.section) {
      if (anchorKind === 'numbered' && !item.ordered) lazyDetails.add(item);
      if ((anchorKind === 'numbered' && !item.ordered) || anchorKind === 'label') {
        parent = anchor;
        virtual.set(item, anchor);
      }
    }
    if (item.span.end > lastEnd) lastEnd = item.span.end;
    if (parent) {
      hasChildren.add(parent);
      continue;
    }
    // Plain assignments: a destructured pair per item went through the array iterator.
    anchorKind = isLabelOnly(item.text) ? 'label' : item.ordered && mayBeGroupText(item.text) && GROUP_TEXT.test(item.text) ? 'numbered' : undefined;
    anchor = anchorKind ? item : undefined;
  }
  return { virtual, lazyDetails, hasChildren };
}

/** A `**Review actions**:` label with nothing after it. */
function isLabelOnly(text: string): boolean {
  return mayBeActionLabel(text) && ACTION_LABEL.test(text) && !text.replace(ACTION_LABEL, '').trim();
}

/** A short label that only names the items below it. */
function isGroupText(text: string): boolean {
  return mayBeGroupText(text) && GROUP_TEXT.test(text) && text.split(/\s+/).length <= 8;
}

/** Whether GROUP_TEXT can match: both its forms end with `:` or `*`, which most item texts do not. */
function mayBeGroupText(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 58 /* : */ || last === 42 /* * */;
}

function blankBetween(src: Source, from: number, to: number): boolean {
  for (let line = from; line < to; line++) if (src.lines.lineText(line).trim()) return false;
  return true;
}

/**
 * Whether `text[from..to)` holds anything besides emphasis marks and whitespace: `/[^*_\s]/` without slicing (it
 * is asked for every list item of the action sections).
 */
function hasWords(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 42 /* * */ && c !== 95 /* _ */ && !isRegexSpace(c)) return true;
  }
  return false;
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
): PositionedGroups {
  if (src.actionSections.length === 0) return new PositionedGroups(0, [], []);
  const { lines, prose } = src;
  const marks = markLines(src, listItems, tables);
  const { covered, starts, lo } = marks;
  const result = new PositionedGroups(lo, starts, new Array<ActionItemGroup | undefined>(starts.length));
  for (const section of src.actionSections) {
    const sectionGroupOf = sectionGroups.get(section)!;
    let label: ActionItemGroup | undefined;
    let inList = false;
    const [first, last] = ownLines(src, section);
    for (let line = first; line <= last; line++) {
      const started = starts[line - lo];
      if (started) result.groups[line - lo] = label ?? sectionGroupOf;
      // Blank and list lines (most of a section) are told without slicing the line.
      if (isBlankLine(lines, line)) continue;
      if (covered[line - lo]) {
        inList = true;
        continue;
      }
      const raw = lines.lineText(line);
      // Indented lines after a list belong to its last item (lazy continuations, images, second paragraphs).
      if (inList && /^\s/.test(raw)) continue;
      inList = false;
      const text = prose.slice(lines.lineStarts[line], lines.lineEnds[line]).trim();
      if (LINK_REFERENCE.test(raw)) continue;
      const group = label ?? sectionGroupOf;
      if ((mayBeTrackingLine(raw) && TRACKING_LINE.test(raw)) || !text) {
        group.tracking ??= findTracking(raw, lines.lineStarts[line]);
        continue;
      }
      const paragraphEnd = paragraphLastLine(src, marks, line, last);
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

/**
 * The group paragraphGroups gave each top-level list item and table it met, by the line it starts on (the same
 * line array as LineMarks.starts) rather than in a map keyed by the objects: no hashing per item.
 */
class PositionedGroups {
  constructor(
    private readonly lo: number,
    private readonly starts: readonly (ListItem | Table | undefined)[],
    readonly groups: (ActionItemGroup | undefined)[],
  ) {}

  /** The group of the item or table starting on `line`, if paragraphGroups met it. */
  groupOf(thing: ListItem | Table, line: number): ActionItemGroup | undefined {
    const k = line - this.lo;
    return k >= 0 && k < this.starts.length && this.starts[k] === thing ? this.groups[k] : undefined;
  }
}

/** Whether a line holds only white space (what `!lineText(line).trim()` tells, without the copies). */
function isBlankLine(lines: LineIndex, line: number): boolean {
  for (let at = lines.lineStarts[line]; at < lines.lineEnds[line]; at++) if (!isRegexSpace(lines.text.charCodeAt(at))) return false;
  return true;
}

function paragraphLastLine(src: Source, { covered, lo }: LineMarks, line: number, last: number): number {
  let end = line;
  while (end + 1 <= last && !covered[end + 1 - lo] && src.lines.lineText(end + 1).trim() && !/^\s{0,3}#/.test(src.lines.lineText(end + 1))) end++;
  return end;
}

/** The lines an action section's own text takes: after its heading, up to its first subsection. */
function ownLines(src: Source, section: Section): [first: number, last: number] {
  const first = src.lines.lineAt(section.heading.span.end) + 1;
  const last = section.children.length ? section.children[0].startLine - 1 : section.endLine;
  return [first, last];
}

/** Which lines from `lo` on lists and tables take, and the top-level list item or table starting on each. */
interface LineMarks {
  lo: number;
  /** 1 where a list item or table covers line `lo + k`. */
  covered: Uint8Array;
  starts: (ListItem | Table | undefined)[];
}

/**
 * Marks lists and tables on the lines of the action sections' own text, the only lines paragraphGroups reads:
 * items and tables wholly outside those lines (most of a document) cost a comparison, not a mark per line.
 */
function markLines(src: Source, listItems: ListItem[], tables: Table[]): LineMarks {
  let lo = Infinity;
  let hi = -1;
  for (const section of src.actionSections) {
    const [first, last] = ownLines(src, section);
    if (first > last) continue;
    lo = Math.min(lo, first);
    hi = Math.max(hi, last);
  }
  if (hi < 0) return { lo: 0, covered: new Uint8Array(0), starts: [] };
  const { lines } = src;
  const covered = new Uint8Array(hi - lo + 1);
  const starts = new Array<ListItem | Table | undefined>(hi - lo + 1);
  const loStart = lines.lineStarts[lo];
  for (const item of listItems) {
    if (item.line > hi || item.span.end < loStart) continue;
    if (!item.parent && item.line >= lo) starts[item.line - lo] = item;
    covered.fill(1, Math.max(item.line, lo) - lo, Math.min(lines.lineAt(item.span.end), hi) + 1 - lo);
  }
  for (const table of tables) {
    if (table.startLine > hi || table.endLine < lo) continue;
    if (table.startLine >= lo) starts[table.startLine - lo] = table;
    covered.fill(1, Math.max(table.startLine, lo) - lo, Math.min(table.endLine, hi) + 1 - lo);
  }
  return { lo, covered, starts };
}

/** Fills in what the item does not say itself from its groups, innermost first. */
function inherit(src: Source, item: ActionItem): ActionItem {
  for (let g = item.group; g; g = g.parent) {
    if (!item.deadline && g.deadline) item.deadline = g.deadline;
    if (!item.status && g.status) item.status = g.status;
    if (!item.tracking && g.tracking) item.tracking = g.tracking;
    if (!item.category && g.category) [item.category, item.categorySource] = [g.category, src.headingGroups.has(g) ? 'heading' : 'label'];
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
  return inherit(src, result);
}

function fromParagraph(src: Source, line: number, lastLine: number, skip: number, group: ActionItemGroup, section: Section): ActionItem {
  const { lines } = src;
  const lead = lines.lineText(line).length - lines.lineText(line).trimStart().length;
  const span = { start: lines.lineStarts[line], end: lines.lineEnds[lastLine] };
  const textSpan = { start: span.start + lead + skip, end: span.end };
  const text = lines.text.slice(textSpan.start, textSpan.end).replace(/\s+/g, ' ').trim();
  const result: ActionItem = { line, span, text, textSpan, source: 'paragraph', section, group };
  readInline(src, result);
  return inherit(src, result);
}

function readInline(src: Source, item: ActionItem): void {
  const base = item.textSpan.start;
  const oneLine = src.prose.slice(base, item.textSpan.end);
  // Most items take one line: only the others have line breaks to replace.
  const prose = oneLine.indexOf('\n') < 0 && oneLine.indexOf('\r') < 0 ? oneLine : oneLine.replace(/\r?\n|\r/g, ' ');
  const raw = src.lines.text.slice(base, item.textSpan.end);
  item.owner = findOwner(prose, base);
  item.deadline = findDeadline(prose, base);
  item.status = findStatus(prose, base);
  item.tracking = findTracking(raw, base);
}

function fromTable(src: Source, table: Table, group: ActionItemGroup | undefined, section: Section): ActionItem[] {
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
    items.push(inherit(src, item));
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
