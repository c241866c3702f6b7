import type { LineIndex } from '../model/lineIndex';
import type { Table, TableRow } from '../model/types';
import { displayWidth } from './displayWidth';
import { trimChars } from '../model/trimChars';

/** Alignment of one column, read from the delimiter row. */
export type Alignment = Table['alignments'][number];

/** A pipe table reduced to what its layout needs. */
export interface TableGrid {
  alignments: Alignment[];
  header: string[];
  /** Body rows in output order; a row may be shorter (padded on output) or longer (extras kept) than the header. */
  rows: string[][];
  /** Leading whitespace of each line (header, delimiter, body), kept per line so tables in lists stay put. */
  indents: string[];
}

/** A header line that starts with a list marker is the item's own line: `- | a | b |`, `1. a | b`. */
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/** The narrowest delimiter cell that still carries every alignment (`:-:`). */
const MIN_WIDTH = 3;

/**
 * Reads a table's cells as written (only spaces and tabs around them are dropped, so that content such as a
 * no-break space survives); a cell of nothing but byte order marks (U+FEFF, invisible) is empty, as the model
 * reads it (`trim` drops them), so both agree on which cells hold something. Undefined when the table cannot be rewritten safely: when the header and the
 * delimiter row disagree on the number of columns (a pipe inside a code span in the header, which splitRow
 * keeps in its cell but markdown-it counts) a rebuilt delimiter would stop the text being a table; when the
 * table starts on a list item's marker line, the marker would end up inside the first cell.
 */
export function readGrid(lines: LineIndex, table: Table): TableGrid | undefined {
  const columns = table.header.cells.length;
  if (columns === 0 || columns !== table.delimiter.cells.length || LIST_MARKER.test(lines.lineText(table.startLine))) return undefined;
  const cellsOf = (row: TableRow) =>
    row.cells.map((cell) => {
      const text = trimChars(lines.text.slice(cell.rawSpan.start, cell.rawSpan.end), ' \t');
      return trimChars(text, ' \t\uFEFF') === '' ? '' : text;
    });
  const rows = table.rows.map((row) => {
    const cells = cellsOf(row);
    // Empty cells past the header's last column hold nothing: dropping them is lossless (`| a | b | |`).
    while (cells.length > columns && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  const indents: string[] = [];
  for (let line = table.startLine; line <= table.endLine; line++) {
    const text = lines.lineText(line);
    indents.push(text.slice(0, text.length - text.trimStart().length));
  }
  return { alignments: table.alignments.slice(0, columns), header: cellsOf(table.header), rows, indents };
}

/**
 * Lays a grid out as aligned lines: leading and trailing pipes, one space of padding, every column as wide
 * as its widest cell (in display columns), the delimiter rebuilt from dashes with its alignment colons.
 * Cells beyond the header's columns are kept after the last column, aligned among the rows that have them
 * and left-aligned; the header and delimiter keep the header's column count so the table stays a table.
 */
export function layoutTable(grid: TableGrid): string[] {
  const columns = grid.header.length;
  const widths: number[] = new Array<number>(columns).fill(MIN_WIDTH);
  const measure = (cells: string[]) =>
    cells.map((cell, k) => {
      const width = displayWidth(cell);
      if (k >= widths.length) widths.push(0);
      if (width > widths[k]) widths[k] = width;
      return width;
    });
  const headerWidths = measure(grid.header);
  const rowWidths = grid.rows.map(measure);

  const render = (cells: string[], cellWidths: number[], indent: string) => {
    const parts: string[] = [];
    const count = Math.max(columns, cells.length);
    for (let k = 0; k < count; k++) {
      const text = cells[k] ?? '';
      const room = widths[k] - (cellWidths[k] ?? 0);
      const align = k < columns ? grid.alignments[k] : 'none';
      const left = align === 'right' ? room : align === 'center' ? room >> 1 : 0;
      parts.push(' '.repeat(left) + text + ' '.repeat(room - left));
    }
    return `${indent}| ${parts.join(' | ')} |`;
  };
  const delimiter = grid.alignments.map((align, k) => {
    const w = widths[k];
    if (align === 'center') return `:${'-'.repeat(w - 2)}:`;
    if (align === 'left') return `:${'-'.repeat(w - 1)}`;
    if (align === 'right') return `${'-'.repeat(w - 1)}:`;
    return '-'.repeat(w);
  });

  const out = [render(grid.header, headerWidths, grid.indents[0]), `${grid.indents[1]}| ${delimiter.join(' | ')} |`];
  grid.rows.forEach((cells, i) => out.push(render(cells, rowWidths[i], grid.indents[i + 2])));
  return out;
}
