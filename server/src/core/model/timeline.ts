import { findClockTime, findDate } from './dates';
import type { LineIndex, Span } from './lineIndex';
import { findColumn } from './tables';
import type { Heading, ListItem, Section, Table, Timeline, TimelineEntry } from './types';

const ZONE_WORD = /\b(UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|IST|PST|PDT|PT|MST|MDT|CST|CDT|EST|EDT|ET|AEST|AEDT|JST|KST|SGT|NZST|NZDT|Pacific(?: Time)?|Eastern(?: Time)?|Central European(?: Time)?|UTC[+-]\d{1,2}(?::?\d{2})?|GMT[+-]\d{1,2})\b/;
/** How far into an item or line its timestamp may start: "- **16:58 UTC** - ..." or "* [08:47] ...". */
const TIME_LEAD = 40;

/** Inputs the timeline reader needs from the rest of the parse. */
export interface TimelineSources {
  lines: LineIndex;
  prose: string;
  sections: Section[];
  headings: Heading[];
  tables: Table[];
  listItems: ListItem[];
}

/** Reads the timeline: the first timeline section with its subsections and any timestamp sections after it. */
export function readTimeline(src: TimelineSources): Timeline | undefined {
  const top = src.sections.filter((s) => s.kind === 'timeline' && s.parent?.kind !== 'timeline');
  if (top.length === 0) return undefined;
  const first = top[0];
  const spans: Span[] = top.filter((s) => s === first || s.level === first.level).map((s) => s.span);
  const inside = (offset: number) => spans.some((span) => offset >= span.start && offset < span.end);
  const timeline: Timeline = { section: first, entries: [], tables: [] };
  timeline.zone = zoneIn(first.heading.text);

  const entries: TimelineEntry[] = [];
  const usedLines = new Set<number>();
  for (const table of src.tables) {
    if (!inside(table.span.start)) continue;
    timeline.tables.push(table);
    for (let l = table.startLine; l <= table.endLine; l++) usedLines.add(l);
    const col = Math.max(0, findColumn(table, /time|date|when|timestamp/i));
    timeline.zone ??= zoneIn(table.header.cells[col]?.text ?? '');
    for (const row of table.rows) {
      const cell = row.cells[col];
      if (!cell) continue;
      const text = row.cells.filter((_, k) => k !== col).map((c) => c.text).join(' | ');
      entries.push(entryFrom(cell.text, cell.span, row.line, row.span, text, 'table', cell.text.length, row));
    }
  }
  for (const item of src.listItems) {
    if (!inside(item.span.start) || usedLines.has(item.line)) continue;
    usedLines.add(item.line);
    const entry = entryFrom(item.text, item.textSpan, item.line, item.span, item.text, 'list', TIME_LEAD);
    if (entry.minutes !== undefined || entry.date) entries.push(entry);
  }
  let dayOfHeading: string | undefined;
  const headingEntries = new Map<number, TimelineEntry>();
  for (const heading of src.headings) {
    if (!inside(heading.span.start) || heading.line === first.heading.line) continue;
    usedLines.add(heading.line);
    const entry = entryFrom(heading.text, heading.textSpan, heading.line, heading.span, heading.text, 'heading', TIME_LEAD);
    if (entry.minutes !== undefined) headingEntries.set(heading.line, entry);
    else if (entry.date) headingEntries.set(heading.line, entry);
  }
  for (const span of spans) {
    const from = src.lines.lineAt(span.start);
    const to = src.lines.lineAt(Math.max(span.start, span.end - 1));
    for (let line = from; line <= to; line++) {
      if (usedLines.has(line)) continue;
      const lineText = src.prose.slice(src.lines.lineStarts[line], src.lines.lineEnds[line]);
      if (!lineText.trim()) continue;
      timeline.zone ??= /\ball times\b|\btimes? (?:are|in)\b|\btimezone\b|\btime zone\b/i.test(lineText) ? zoneIn(lineText) : undefined;
      const entry = entryFrom(lineText.trim(), shift(src.lines.lineSpan(line), lineText), line, src.lines.lineSpan(line), lineText.trim(), 'line', 25);
      if (entry.minutes !== undefined) entries.push(entry);
    }
  }
  entries.push(...headingEntries.values());
  entries.sort((a, b) => a.line - b.line);
  // A heading or line that carries only a date sets the day for the entries under it.
  for (const entry of entries) {
    if (entry.minutes === undefined && entry.date) dayOfHeading = entry.date;
    else if (!entry.date && dayOfHeading) entry.date = dayOfHeading;
  }
  timeline.entries = entries.filter((e) => e.minutes !== undefined || e.source === 'table' || e.source === 'list');
  return timeline;
}

function shift(span: Span, lineText: string): Span {
  const lead = lineText.length - lineText.trimStart().length;
  return { start: span.start + lead, end: span.start + lineText.trimEnd().length };
}

function entryFrom(
  text: string,
  textSpan: Span,
  line: number,
  span: Span,
  eventText: string,
  source: TimelineEntry['source'],
  lead: number,
  row?: TimelineEntry['row'],
): TimelineEntry {
  const head = text.slice(0, lead + 20);
  const date = findDate(head);
  const clock = findClockTime(head);
  const usable = clock && clock.index <= lead ? clock : undefined;
  const from = Math.min(date?.index ?? Infinity, usable?.index ?? Infinity);
  const to = Math.max(date ? date.index + date.length : -1, usable ? usable.index + usable.length : -1);
  const timeSpan = Number.isFinite(from) && to >= 0 ? { start: textSpan.start + from, end: textSpan.start + to } : textSpan;
  return {
    line,
    span,
    timeSpan,
    rawTime: Number.isFinite(from) && to >= 0 ? text.slice(from, to) : text,
    minutes: usable?.minutes,
    date: date && (date.index <= lead || source === 'table') ? date.iso : undefined,
    zone: usable?.zone ?? zoneIn(head.slice(0, (usable ? usable.index + usable.length : 0) + 12)),
    clock: usable?.clock ?? 'none',
    text: eventText,
    source,
    row,
  };
}

/** A time zone named in a text, if any. */
export function zoneIn(text: string): string | undefined {
  return ZONE_WORD.exec(text)?.[1];
}
