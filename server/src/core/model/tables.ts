import type { LineIndex } from './lineIndex';
import type { Table, TableCell, TableRow } from './types';
import { isRegexSpace } from './whitespace';

/** Splits one table line into cells at pipes that are not escaped and not inside a code span. */
export function splitRow(lines: LineIndex, line: number): TableRow {
  const text = lines.text;
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnds[line];
  // Offsets below are into the whole text: the row is read in place rather than sliced out first.
  const pipes = findPipes(text, lineStart, lineEnd);
  let lead = lineStart;
  while (lead < lineEnd && isRegexSpace(text.charCodeAt(lead))) lead++;
  let trail = lineEnd;
  while (trail > lineStart && isRegexSpace(text.charCodeAt(trail - 1))) trail--;
  const bounds = pipes;
  if (bounds.length === 0 || bounds[0] !== lead) bounds.unshift(lead - 1);
  if (bounds[bounds.length - 1] !== trail - 1 || bounds.length === 1) bounds.push(trail);
  const cells: TableCell[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const rawStart = bounds[k] + 1;
    const rawEnd = bounds[k + 1];
    if (rawEnd < rawStart) continue;
    let from = rawStart;
    while (from < rawEnd && isRegexSpace(text.charCodeAt(from))) from++;
    let to = rawEnd;
    while (to > from && isRegexSpace(text.charCodeAt(to - 1))) to--;
    // An empty cell is placed in the middle of its blanks.
    const start = to > from ? from : rawStart + ((rawEnd - rawStart) >> 1);
    cells.push({
      text: text.slice(from, to),
      span: { start, end: start + (to - from) },
      rawSpan: { start: rawStart, end: rawEnd },
    });
  }
  return { line, span: { start: lineStart, end: lineEnd }, cells };
}

/** Offsets of the pipes in text[start, end) that are not escaped and not inside a code span. */
function findPipes(text: string, start: number, end: number): number[] {
  const pipes: number[] = [];
  // Most rows have no escapes and no code: their pipes are found with indexOf.
  const row = text.slice(start, end);
  if (row.indexOf('\\') < 0 && row.indexOf('`') < 0) {
    for (let at = row.indexOf('|'); at >= 0; at = row.indexOf('|', at + 1)) pipes.push(start + at);
    return pipes;
  }
  let inCode = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \\ */) {
      i++;
      continue;
    }
    if (c === 96 /* ` */) {
      let run = 1;
      while (i + run < end && text.charCodeAt(i + run) === 96) run++;
      if (inCode === 0) {
        // Only a code span if a closing run of the same length follows on the line.
        if (text.slice(i + run, end).includes('`'.repeat(run))) inCode = run;
      } else if (run === inCode) {
        inCode = 0;
      }
      i += run - 1;
      continue;
    }
    if (c === 124 /* | */ && inCode === 0) pipes.push(i);
  }
  return pipes;
}

/** Reads the pipe table on lines [start, end). */
export function readTable(lines: LineIndex, start: number, end: number): Table {
  const header = splitRow(lines, start);
  const delimiter = splitRow(lines, start + 1);
  const alignments = delimiter.cells.map((cell) => {
    const left = cell.text.startsWith(':');
    const right = cell.text.endsWith(':');
    return left && right ? 'center' : right ? 'right' : left ? 'left' : 'none';
  }) as Table['alignments'];
  const rows: TableRow[] = [];
  for (let line = start + 2; line < end; line++) rows.push(splitRow(lines, line));
  return {
    span: { start: lines.lineStarts[start], end: lines.lineEnds[end - 1] },
    startLine: start,
    endLine: end - 1,
    header,
    delimiter,
    alignments,
    rows,
  };
}

/** Index of the first header cell whose text matches, or -1. */
export function findColumn(table: Table, pattern: RegExp): number {
  return table.header.cells.findIndex((cell) => pattern.test(cell.text));
}
