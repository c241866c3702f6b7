import type { Span } from '../model/lineIndex';
import type { PostmortemDocument, Table } from '../model/types';
import type { TextEdit } from '../rules/rule';
import { layoutTable, readGrid, type TableGrid } from './tableLayout';
import { chronologicalOrder, padClockTimes, timelineColumns } from './timelineOrder';

/** What to format. */
export interface FormatOptions {
  /** Put the timeline table's rows in chronological order. */
  sortTimeline: boolean;
  /** Format only the tables that intersect this span (a range formatting request). */
  range?: Span;
}

/**
 * Formats a postmortem's pipe tables: aligned columns, zero-padded clock times in the timeline table and,
 * optionally, its rows in chronological order. Returns one edit per changed table line; every other line is
 * left alone, and line breaks are never touched (a CRLF document stays CRLF).
 */
export function formatDocument(doc: PostmortemDocument, options: FormatOptions): TextEdit[] {
  const timelineTables = new Set(doc.timeline?.tables ?? []);
  const edits: TextEdit[] = [];
  for (const table of doc.tables) {
    if (options.range && !intersects(table.span, options.range)) continue;
    const grid = readGrid(doc.lines, table);
    if (!grid) continue;
    if (timelineTables.has(table)) normaliseTimeline(grid, options.sortTimeline);
    pushLineEdits(doc, table, layoutTable(grid), edits);
  }
  return edits;
}

function normaliseTimeline(grid: TableGrid, sort: boolean): void {
  const columns = timelineColumns(grid.header, grid.rows);
  if (!columns) return;
  for (const row of grid.rows) if (row[columns.time] !== undefined) row[columns.time] = padClockTimes(row[columns.time]);
  const order = sort ? chronologicalOrder(grid.rows, columns) : undefined;
  if (order) grid.rows = order.map((index) => grid.rows[index]);
}

function pushLineEdits(doc: PostmortemDocument, table: Table, lines: string[], edits: TextEdit[]): void {
  lines.forEach((text, i) => {
    const line = table.startLine + i;
    if (doc.lines.lineText(line) !== text) edits.push({ span: doc.lines.lineSpan(line), newText: text });
  });
}

/** Whether a table meets the range; an empty range (a cursor) meets the table it is in. */
function intersects(table: Span, range: Span): boolean {
  if (range.start === range.end) return range.start >= table.start && range.start <= table.end;
  return range.start < table.end && range.end > table.start;
}
