import type MarkdownIt from 'markdown-it';

type StateBlock = InstanceType<MarkdownIt['block']['State']>;

/*
 * Adapted from markdown-it 14.3.3, lib/rules_block/table.mjs (GFM tables), MIT licence,
 * Copyright (c) 2014 Vitaly Puzrin, Alex Kocharin.
 */

/** markdown-it's limit on the empty cells it fills in for body rows shorter than the header. */
const MAX_AUTOCOMPLETED_CELLS = 0x10000;

/**
 * Makes markdown-it's `table` block rule find only where each table starts and ends.
 *
 * markdown-it's own rule pushes thead/tbody/tr/th/td/inline tokens for every cell and splits every row into
 * cells; the model reads only `table_open` and its line map (`tables.ts` re-reads rows from the source). This
 * rule accepts exactly the same tables, with the same start and end lines, in silent mode too, and pushes only
 * `table_open` (with `map = [startLine, endLine]`) and `table_close`. A body row's cells are counted only when
 * markdown-it's cap on autocompleted cells might end the table there (`test/unit/tableExtentRule.test.ts`
 * compares the two on random texts).
 */
export function useTableExtentRule(md: MarkdownIt): void {
  // Same alternatives as markdown-it's own registration in parser_block: a table may interrupt these.
  md.block.ruler.at('table', tableExtent, { alt: ['paragraph', 'reference'] });
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09;
}

/** Whether the character is one of a delimiter row's own, besides spaces: `|`, `-`, `:`. */
function isDelimiterChar(ch: number): boolean {
  return ch === 0x7c || ch === 0x2d || ch === 0x3a;
}

function getLine(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/**
 * The number of cells markdown-it's `escapedSplit` gives for a trimmed row, after it drops an empty first and
 * an empty last cell: a `|` preceded by `\` does not separate cells.
 */
function countCells(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  let pipes = 0;
  let lastPipe = -1;
  let escaped = false;
  for (let pos = 0; pos < length; pos++) {
    const ch = text.charCodeAt(pos);
    if (ch === 0x7c && !escaped) {
      pipes++;
      lastPipe = pos;
    }
    escaped = ch === 0x5c;
  }
  let cells = pipes + 1;
  if (text.charCodeAt(0) === 0x7c) cells--; // an empty first cell (a `|` at 0 is never escaped)
  if (lastPipe === length - 1) cells--; // an empty last cell (a lone `|` is both: no cells)
  return cells;
}

/**
 * The number of alignment columns of a delimiter row, or -1 if markdown-it rejects the row. Every character
 * of `text` is already known to be `|`, `-`, `:`, space or tab. Cells are split on every `|`; an empty cell is
 * allowed only first or last; every other cell, trimmed, must be `:?-+:?`.
 */
function countAligns(text: string): number {
  const length = text.length;
  let aligns = 0;
  let cellStart = 0;
  let index = 0;
  for (;;) {
    let cellEnd = text.indexOf('|', cellStart);
    const last = cellEnd < 0;
    if (last) cellEnd = length;
    let start = cellStart;
    let end = cellEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) {
      if (index !== 0 && !last) return -1;
    } else {
      if (text.charCodeAt(start) === 0x3a) start++;
      if (end > start && text.charCodeAt(end - 1) === 0x3a) end--;
      if (start === end) return -1;
      for (let pos = start; pos < end; pos++) if (text.charCodeAt(pos) !== 0x2d) return -1;
      aligns++;
    }
    if (last) return aligns;
    cellStart = cellEnd + 1;
    index++;
  }
}

/** Whether the line is empty once trimmed as JavaScript's `trim` does. */
function isBlankLine(state: StateBlock, line: number): boolean {
  const pos = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  if (pos >= max) return true;
  const ch = state.src.charCodeAt(pos);
  // Fast path: printable ASCII other than space is never trimmed.
  if (ch > 0x20 && ch < 0x7f) return false;
  return state.src.slice(pos, max).trim() === '';
}

function tableExtent(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // should have at least two lines
  if (startLine + 2 > endLine) return false;

  let nextLine = startLine + 1;

  if (state.sCount[nextLine] < state.blkIndent) return false;

  // if it's indented more than 3 spaces, it should be a code block
  if (state.sCount[nextLine] - state.blkIndent >= 4) return false;

  // The second line holds only `|`, `-`, `:`, spaces and tabs, starts with `|`, `-` or `:`, and a `-` first is
  // not followed by a space (that would be a list item).
  const src = state.src;
  let pos = state.bMarks[nextLine] + state.tShift[nextLine];
  const max = state.eMarks[nextLine];
  if (pos >= max) return false;

  const firstCh = src.charCodeAt(pos++);
  if (!isDelimiterChar(firstCh)) return false;

  if (pos >= max) return false;

  const secondCh = src.charCodeAt(pos++);
  if (!isDelimiterChar(secondCh) && !isSpace(secondCh)) return false;

  if (firstCh === 0x2d && isSpace(secondCh)) return false;

  for (; pos < max; pos++) {
    const ch = src.charCodeAt(pos);
    if (!isDelimiterChar(ch) && !isSpace(ch)) return false;
  }

  const alignCount = countAligns(getLine(state, startLine + 1));
  if (alignCount < 0) return false;

  const header = getLine(state, startLine).trim();
  if (header.indexOf('|') === -1) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;

  // the header row sets the number of columns of the table, and the delimiter row must match it
  const columnCount = countCells(header);
  if (columnCount === 0 || columnCount !== alignCount) return false;

  if (silent) return true;

  const oldParentType = state.parentType;
  // markdown-it's type for its own rule; StateBlock's typing lists only the core rules' names.
  state.parentType = 'table' as typeof state.parentType;

  // use 'blockquote' lists for termination because it's the most similar to tables
  const terminatorRules = state.md.block.ruler.getRules('blockquote');

  const tableOpen = state.push('table_open', 'table', 1);
  const tableLines: [number, number] = [startLine, 0];
  tableOpen.map = tableLines;

  // Body rows add `columnCount - cells` to the autocompleted cells, at most `columnCount` each. `autocompleted`
  // is exact for the rows before `countedTo`; rows from there are counted only when the cap could be reached.
  let autocompleted = 0;
  let countedTo = startLine + 2;

  for (nextLine = startLine + 2; nextLine < endLine; nextLine++) {
    if (state.sCount[nextLine] < state.blkIndent) break;

    let terminate = false;
    for (let i = 0, l = terminatorRules.length; i < l; i++) {
      if (terminatorRules[i](state, nextLine, endLine, true)) {
        terminate = true;
        break;
      }
    }

    if (terminate) break;
    if (isBlankLine(state, nextLine)) break;
    if (state.sCount[nextLine] - state.blkIndent >= 4) break;

    // note: the autocompleted count can be negative if a row has more cells than the header
    if (autocompleted + columnCount * (nextLine + 1 - countedTo) > MAX_AUTOCOMPLETED_CELLS) {
      for (; countedTo <= nextLine; countedTo++) autocompleted += columnCount - countCells(getLine(state, countedTo).trim());
      if (autocompleted > MAX_AUTOCOMPLETED_CELLS) break;
    }
  }

  state.push('table_close', 'table', -1);
  tableLines[1] = nextLine;

  state.parentType = oldParentType;
  state.line = nextLine;
  return true;
}
