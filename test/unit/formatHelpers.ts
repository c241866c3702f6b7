import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fix/applyFixes';
import { formatDocument, type FormatOptions } from '../../server/src/core/format/formatDocument';
import { padClockTimes } from '../../server/src/core/format/timelineOrder';
import { parsePostmortem } from '../../server/src/core/model/parse';
import type { Table } from '../../server/src/core/model/types';

/** Formats a text and returns the result. */
export function format(text: string, options: Partial<FormatOptions> = {}): string {
  const doc = parsePostmortem(text);
  return applyEdits(text, formatDocument(doc, { sortTimeline: true, ...options }));
}

/** Splits a text into lines that keep their line break, so line endings are compared too. */
export function linesWithBreaks(text: string): string[] {
  return text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

function eol(line: string): string {
  return /(?:\r\n|\n|\r)$/.exec(line)?.[0] ?? '';
}

function contentCells(table: Table): string[] {
  return [table.header, ...table.rows].flatMap((row) => row.cells.map((cell) => cell.text)).filter((text) => text !== '');
}

/** Cells up to the last one that holds anything but spaces, tabs and byte order marks (what the formatter drops). */
function extent(cells: { rawSpan: { start: number; end: number } }[], text: string): number {
  let last = cells.length;
  while (last > 0 && text.slice(cells[last - 1].rawSpan.start, cells[last - 1].rawSpan.end).replace(/[ \t\uFEFF]/g, '') === '') last--;
  return last;
}

/**
 * Checks what formatting must never break: the same tables, rows and content (times may only gain a
 * leading zero), every line outside tables byte-identical, line breaks kept, and a second run changing nothing.
 */
export function assertInvariants(before: string, after: string, options: Partial<FormatOptions> = {}, label = ''): void {
  const a = parsePostmortem(before);
  const b = parsePostmortem(after);
  assert.equal(b.tables.length, a.tables.length, `${label}: table count`);
  const beforeLines = linesWithBreaks(before);
  const afterLines = linesWithBreaks(after);
  assert.equal(afterLines.length, beforeLines.length, `${label}: line count`);
  const inTable = new Set<number>();
  for (const t of a.tables) for (let l = t.startLine; l <= t.endLine; l++) inTable.add(l);
  beforeLines.forEach((line, i) => {
    if (!inTable.has(i)) assert.equal(afterLines[i], line, `${label}: line ${i + 1} outside tables changed`);
    else assert.equal(eol(afterLines[i]), eol(line), `${label}: line break of ${i + 1}`);
  });
  a.tables.forEach((ta, k) => {
    const tb = b.tables[k];
    assert.equal(tb.startLine, ta.startLine, `${label}: table ${k} start`);
    assert.equal(tb.rows.length, ta.rows.length, `${label}: table ${k} rows`);
    assert.equal(tb.header.cells.length, ta.header.cells.length, `${label}: table ${k} columns`);
    const left = new Map<string, number>();
    for (const text of contentCells(tb)) left.set(text, (left.get(text) ?? 0) + 1);
    for (const text of contentCells(ta)) {
      const key = left.get(text) ? text : padClockTimes(text);
      const count = left.get(key) ?? 0;
      assert.ok(count > 0, `${label}: table ${k} lost cell ${JSON.stringify(text)}`);
      if (count === 1) left.delete(key);
      else left.set(key, count - 1);
    }
    assert.deepEqual([...left.keys()], [], `${label}: table ${k} gained cells`);
    const unchanged = before.slice(ta.span.start, ta.span.end) === after.slice(tb.span.start, tb.span.end);
    if (!unchanged) {
      const columns = ta.header.cells.length;
      const beforeCounts = ta.rows.map((row) => Math.max(columns, extent(row.cells, before))).sort((x, y) => x - y);
      const afterCounts = tb.rows.map((row) => row.cells.length).sort((x, y) => x - y);
      assert.deepEqual(afterCounts, beforeCounts, `${label}: table ${k} cells per row`);
    }
  });
  assert.deepEqual(formatDocument(b, { sortTimeline: true, ...options }), [], `${label}: not idempotent`);
}
