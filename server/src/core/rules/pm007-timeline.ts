import { clockFormats, findOrderBreaks, type OrderBreak } from '../model/chronology';
import type { Table, TableRow } from '../model/types';
import type { Fix } from './rule';
import { defineRule } from './rule';

/** Options of PM007. */
interface Options {
  /** Whether a timeline with clock times must name its time zone. */
  requireZone: boolean;
}

export default defineRule<Options>({
  id: 'PM007',
  alias: 'timeline',
  description: 'Timeline entries must be in chronological order, in one time format, with a time zone, in well-formed table rows.',
  tags: ['timeline'],
  defaultLevel: 'warning',
  fixable: true,
  options: {
    requireZone: { type: 'boolean', default: true, description: 'Report a timeline with clock times that names no time zone anywhere.' },
  },
  check({ doc, options, report }) {
    const timeline = doc.timeline;
    if (!timeline) return;
    for (const table of timeline.tables) {
      for (const row of table.rows) {
        if (row.cells.length === table.header.cells.length) continue;
        const missing = table.header.cells.length - row.cells.length;
        report({
          span: row.span,
          message:
            missing > 0
              ? `This row has ${row.cells.length} cells but the header has ${table.header.cells.length}: add the missing cells so every column lines up.`
              : `This row has ${row.cells.length} cells but the header has ${table.header.cells.length}: escape a literal pipe as \\| or remove the extra cells.`,
          fix: missing > 0 ? padRow(doc.text, table, row) : undefined,
          data: { kind: 'cells' },
        });
      }
    }
    for (const found of findOrderBreaks(timeline.entries)) {
      report({ span: found.entry.timeSpan, message: orderMessage(found, doc.lines.lineAt.bind(doc.lines)), data: { kind: 'order', reason: found.reason } });
    }
    const { twelve, twentyFour } = clockFormats(timeline.entries);
    if (twelve.length > 0 && twentyFour.length > 0) {
      const minority = twelve.length <= twentyFour.length ? twelve : twentyFour;
      report({
        span: minority[0].timeSpan,
        message: `The timeline mixes 12-hour ("${twelve[0].rawTime}") and 24-hour ("${twentyFour[0].rawTime}") times: write every time the same way, preferably on the 24-hour clock.`,
        data: { kind: 'clock' },
      });
    }
    const timed = timeline.entries.some((e) => e.minutes !== undefined);
    // The entries' zones first: `timeline.zone` may have to look through the whole document for a note.
    if (options.requireZone && timed && !timeline.entries.some((e) => e.zone) && !timeline.zone) {
      const heading = timeline.section.heading;
      report({
        span: heading.textSpan.end > heading.textSpan.start ? heading.textSpan : heading.span,
        message: `The timeline gives no time zone: name it once, in the heading ("Timeline (UTC)"), the time column ("Time (UTC)") or a line such as "All times in UTC".`,
        data: { kind: 'zone' },
      });
    }
  },
});

function orderMessage(found: OrderBreak, lineAt: (offset: number) => number): string {
  const { entry, previous } = found;
  const where = `line ${lineAt(previous.span.start) + 1}`;
  if (found.reason === 'date') {
    return `${entry.date} comes after ${previous.date} (${where}): put the entries in chronological order or correct the date.`;
  }
  if (found.reason === 'rollOver') {
    return `The time goes back past midnight a second time under ${previous.date}: add a day heading or a date to "${entry.rawTime}".`;
  }
  return `"${entry.rawTime}" is earlier than "${previous.rawTime}" (${where}) above it: put the entries in chronological order or correct the time.`;
}

/** Appends the missing empty cells to a short row, keeping its trailing pipe style. */
function padRow(text: string, table: Table, row: TableRow): Fix {
  const missing = table.header.cells.length - row.cells.length;
  const line = text.slice(row.span.start, row.span.end);
  const trimmed = line.trimEnd();
  // A lone `|` opens the row; it does not close a cell, so another pipe would add none.
  const closed = trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.trimStart() !== '|';
  const at = row.span.start + trimmed.length;
  const newText = closed ? ' |'.repeat(missing) : ' |'.repeat(missing + 1);
  return { title: `Add ${missing} empty cell${missing === 1 ? '' : 's'}`, edits: [{ span: { start: at, end: at }, newText }] };
}
