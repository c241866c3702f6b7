import type { LineIndex } from './lineIndex';
import type { Table, TableCell, TableRow } from './types';

/** Splits one table line into cells at pipes that are not escaped and not inside a code span. */
export function splitRow(lines: LineIndex, line: number): TableRow {
  const text = lines.lineText(line);
  const base = lines.lineStarts[line];
  const pipes: number[] = [];
  let inCode = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      if (inCode === 0) {
        // Only a code span if a closing run of the same length follows on the line.
        if (text.indexOf('`'.repeat(run), i + run) >= 0) inCode = run;
      } else if (run === inCode) {
        inCode = 0;
      }
      i += run - 1;
      continue;
    }
    if (ch === '|' && inCode === 0) pipes.push(i);
  }
  const lead = text.length - text.trimStart().length;
  const trail = text.trimEnd().length;
  const bounds = [...pipes];
  if (bounds.length === 0 || bounds[0] !== lead) bounds.unshift(lead - 1);
  if (bounds[bounds.length - 1] !== trail - 1 || bounds.length === 1) bounds.push(trail);
  const cells: TableCell[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const rawStart = bounds[k] + 1;
    const rawEnd = bounds[k + 1];
    if (rawEnd < rawStart) continue;
    const raw = text.slice(rawStart, rawEnd);
    const trimmedStart = rawStart + (raw.length - raw.trimStart().length);
    const trimmed = raw.trim();
    const start = trimmed ? trimmedStart : rawStart + (raw.length >> 1);
    cells.push({
      text: trimmed,
      span: { start: base + start, end: base + start + trimmed.length },
      rawSpan: { start: base + rawStart, end: base + rawEnd },
    });
  }
  return { line, span: lines.lineSpan(line), cells };
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
