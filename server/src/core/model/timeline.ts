import { findClockTime, findDate, type ClockTime, type FoundDate, type ReferenceDate } from './dates';
import type { LineIndex, Span } from './lineIndex';
import { isTimestampHeading, kindOfHeading } from './sectionKinds';
import { findColumn } from './tables';
import type { Heading, ListItem, Section, SectionKind, Table, Timeline, TimelineEntry } from './types';
import { zoneIn, zoneNote } from './timelineZone';

/** How far into an item or heading its timestamp may start: "- **16:58 UTC** - ..." or "* [08:47] ...". */
const TIME_LEAD = 40;
/** Markup a plain timeline line may open with before its timestamp: `**15:11**`, `_4/24/23_`, `~9:00 AM`, `[08:47]`. */
const LINE_MARKUP = /^[\s*_>[(~≈-]*/;
/** How far the second half of a stamp may follow the first: "15:48 PM PST Saturday Oct 30th", "Oct 30th, 10:00". */
const STAMP_GAP = 16;
/** Words before a time that make it a guess. */
const APPROX_BEFORE = /(?:~|≈|\b(?:approx(?:imately|\.)?|around|about|circa|ca\.|roughly|sometime|before|after)\s*)$/i;
/** Words right after a time that make it a guess: `22:52 (maybe earlier?)`, `14:00?`, `2X:XX (not sure exact time)`. */
const APPROX_AFTER = /^\s*(?:\?|(?:\(\s*)?(?:maybe|not sure|unsure|approx|roughly|or so|or earlier|or later|ish\b|\?))|^-ish\b/i;
/** Subsections that can sit under a Timeline heading but are not part of it (MoJ puts "### Causes" there). */
const NOT_TIMELINE: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'rootCause', 'contributingFactors', 'fiveWhys', 'actionItems', 'lessonsLearned', 'whatWentWell', 'whatWentWrong',
  'whereWeGotLucky', 'references', 'appendix', 'signOff', 'participants',
]);
const BREAK = /<br\s*\/?>/gi;
/** A line that holds only a date (plus a weekday or a little markup) sets the day of the lines under it. */
const DAY_LINE_REST = 20;
/** What every month name starts with (dates.ts reads the names). */
const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

/** Inputs the timeline reader needs from the rest of the parse. */
export interface TimelineSources {
  lines: LineIndex;
  prose: string;
  sections: Section[];
  headings: Heading[];
  tables: Table[];
  listItems: ListItem[];
  /** The incident's declared date (front matter or header field), ISO. */
  incidentDate?: string;
}

/** Reads the timeline: the first timeline section with its subsections and any timestamp sections after it. */
export function readTimeline(src: TimelineSources): Timeline | undefined {
  const top = src.sections.filter((s) => s.kind === 'timeline' && s.parent?.kind !== 'timeline');
  if (top.length === 0) return undefined;
  const first = top[0];
  const spans: Span[] = top.filter((s) => s === first || s.level === first.level).map((s) => s.span);
  const excluded = src.sections
    .filter((s) => s.parent && within(s.span.start, spans) && NOT_TIMELINE.has(kindOfHeading(s.heading.text)) && !isTimestampHeading(s.heading.text))
    .map((s) => s.span);
  const inside = (offset: number) => within(offset, spans) && !within(offset, excluded);
  const reference = lazyReferenceDate(src);
  const tables: Table[] = [];
  let declared = zoneIn(first.heading.text);

  const entries: TimelineEntry[] = [];
  const usedLines = new Set<number>();
  for (const table of src.tables) {
    if (!inside(table.span.start)) continue;
    tables.push(table);
    for (let l = table.startLine; l <= table.endLine; l++) usedLines.add(l);
    const col = Math.max(0, findColumn(table, /time|date|when/i));
    declared ??= zoneIn(table.header.cells[col]?.text ?? '');
    for (const row of table.rows) {
      const cell = row.cells[col];
      if (!cell) continue;
      const text = otherCells(row.cells, col);
      const source: EntrySource = { text: cell.text, textSpan: cell.span, line: row.line, span: row.span, eventText: text, source: 'table', lead: cell.text.length, reference, row };
      // Every row is an entry, with a timestamp or not.
      entries.push(entryFrom(source, findStamp(source)));
    }
  }
  for (const item of src.listItems) {
    if (!inside(item.span.start) || usedLines.has(item.line)) continue;
    usedLines.add(item.line);
    const source: EntrySource = { text: item.text, textSpan: item.textSpan, line: item.line, span: item.span, eventText: item.text, source: 'list', lead: TIME_LEAD, reference };
    // An item or a heading is an entry only with a timestamp.
    const stamp = findStamp(source);
    if (stamp) entries.push(entryFrom(source, stamp));
  }
  for (const heading of src.headings) {
    if (!inside(heading.span.start) || heading.line === first.heading.line) continue;
    usedLines.add(heading.line);
    const source: EntrySource = { text: heading.text, textSpan: heading.textSpan, line: heading.line, span: heading.span, eventText: heading.text, source: 'heading', lead: TIME_LEAD, reference };
    const stamp = findStamp(source);
    if (stamp) entries.push(entryFrom(source, stamp));
  }
  for (const span of spans) {
    const from = src.lines.lineAt(span.start);
    const to = src.lines.lineAt(Math.max(span.start, span.end - 1));
    for (let line = from; line <= to; line++) {
      const lineStart = src.lines.lineStarts[line];
      const lineEnd = src.lines.lineEnds[line];
      // Most lines of a timeline's prose are blank, or narrative with no tag to split them: skip them first.
      if (lineStart === lineEnd || usedLines.has(line) || !inside(lineStart)) continue;
      const lineText = src.lines.lineText(line);
      if (!mayOpenWithStamp(src.prose, lineStart, lineEnd) && lineText.indexOf('<') < 0) continue;
      const lineSpan = src.lines.lineSpan(line);
      for (const part of lineParts(lineText, lineSpan.start)) {
        if (!mayOpenWithStamp(src.prose, part.start, part.end)) continue;
        const partText = src.prose.slice(part.start, part.end);
        const text = partText.trim();
        if (!text) continue;
        // A plain line is an event only when it opens with its timestamp: "peaking around 07:15" is narrative.
        const lead = LINE_MARKUP.exec(text)?.[0].length ?? 0;
        const source: EntrySource = { text, textSpan: shift(part, partText), line, span: lineSpan, eventText: text, source: 'line', lead, reference };
        const stamp = findStamp(source);
        if (stamp && (stamp.clock || (stamp.date && isDayLine(text, text.slice(stamp.from, stamp.to))))) entries.push(entryFrom(source, stamp));
      }
    }
  }
  // Entries are gathered by kind (rows, items, headings, lines): each kind in order, usually all of them too.
  if (!inOrder(entries)) entries.sort(byPosition);
  // A dated entry or a day heading sets the day for the undated entries under it.
  let day: string | undefined;
  for (const entry of entries) {
    if (entry.date) {
      entry.dateFrom = 'entry';
      day = entry.date;
    } else if (day) {
      entry.date = day;
      entry.dateFrom = 'day';
    }
  }
  const kept = entries.filter((e) => e.minutes !== undefined || e.source === 'table' || e.source === 'list');
  return new ReadTimeline(first, kept, tables, declared ?? (() => zoneNote(src, inside, spans)));
}

function byPosition(a: TimelineEntry, b: TimelineEntry): number {
  return a.line - b.line || a.timeSpan.start - b.timeSpan.start;
}

function inOrder(entries: TimelineEntry[]): boolean {
  for (let k = 1; k < entries.length; k++) if (byPosition(entries[k - 1], entries[k]) > 0) return false;
  return true;
}

/**
 * The reference date, looked for only when a date without a year is read (rarely): failing the title and
 * the declared date, it takes a scan of the whole document.
 */
function lazyReferenceDate(src: TimelineSources): () => string | undefined {
  let found: { date: string | undefined } | undefined;
  return () => (found ??= { date: referenceDate(src) }).date;
}

/**
 * The date that gives a year to dates written without one: the title's date, else the declared incident
 * date, else the first full date written.
 */
function referenceDate(src: TimelineSources): string | undefined {
  const title = src.headings.find((h) => h.level === 1);
  return (title && findDate(title.text)?.iso) ?? src.incidentDate ?? firstDate(src.prose, src.lines) ?? firstDate(src.lines.text, src.lines);
}

/**
 * The first date of a whole document, read line by line: running every date pattern over the whole text
 * made each pattern scan all of it, and this runs once per parse. Only lines with a digit are read.
 */
function firstDate(text: string, lines: TimelineSources['lines']): string | undefined {
  const digit = /\d/g;
  for (let m = digit.exec(text); m; m = digit.exec(text)) {
    const line = lines.lineAt(m.index);
    const found = findDate(text.slice(lines.lineStarts[line], lines.lineEnds[line]));
    if (found) return found.iso;
    digit.lastIndex = lines.lineEnds[line];
  }
  return undefined;
}

/** Whether an offset lies in one of the spans (a handful: a plain loop, no closure per call). */
function within(offset: number, list: Span[]): boolean {
  for (const span of list) if (offset >= span.start && offset < span.end) return true;
  return false;
}

/** The texts of a row's cells other than the time column, joined with ` | `. */
function otherCells(cells: readonly { text: string }[], col: number): string {
  let text: string | undefined;
  for (let k = 0; k < cells.length; k++) {
    if (k !== col) text = text === undefined ? cells[k].text : `${text} | ${cells[k].text}`;
  }
  return text ?? '';
}

/** Flutter joins events with `<br>` inside one paragraph line: each part may open with its own time. */
function lineParts(text: string, base: number): Span[] {
  // Most lines have no tag at all.
  if (text.indexOf('<') < 0) return [{ start: base, end: base + text.length }];
  const parts: Span[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    parts.push({ start: base + start, end: base + m.index });
    start = m.index + m[0].length;
  }
  parts.push({ start: base + start, end: base + text.length });
  return parts;
}

function isDayLine(text: string, rawTime: string): boolean {
  const rest = text.replace(rawTime, '').replace(/[\s*_~()[\]:,.-]+/g, ' ').trim();
  return rest.length <= DAY_LINE_REST;
}

function shift(span: Span, lineText: string): Span {
  const lead = lineText.length - lineText.trimStart().length;
  return { start: span.start + lead, end: span.start + lineText.trimEnd().length };
}

/** Where an entry's text is and how to read its timestamp. */
interface EntrySource {
  text: string;
  textSpan: Span;
  line: number;
  span: Span;
  eventText: string;
  source: TimelineEntry['source'];
  /** How far into the text the timestamp may start. */
  lead: number;
  reference: ReferenceDate;
  row?: TimelineEntry['row'];
}

/** An entry's timestamp: its clock time, its date or both, and where it is in the text. */
interface Stamp {
  /** The text searched: the lead and a little more. */
  head: string;
  clock?: ClockTime;
  date?: FoundDate;
  /** Where the stamp starts and ends in the text. */
  from: number;
  to: number;
}

/** The timestamp an entry opens with, if any: a clock time, a date or both. */
function findStamp(src: EntrySource): Stamp | undefined {
  const { text, lead } = src;
  const head = text.slice(0, lead + 40);
  // No test for a digit first: both readings start with a scan that a text without one fails as quickly, and
  // nearly every text read here has one.
  const date = findDate(head, src.reference);
  const clock = findClockTime(head);
  const dateEnd = date ? date.index + date.length : -1;
  const clockEnd = clock ? clock.index + clock.length : -1;
  // One half of the stamp opens it within the lead; the other may follow it closely.
  const usableClock =
    clock && (clock.index <= lead || (date !== undefined && date.index <= lead && clock.index >= dateEnd && clock.index - dateEnd <= STAMP_GAP))
      ? clock
      : undefined;
  const usableDate =
    date && (src.source === 'table' || date.index <= lead || (usableClock !== undefined && date.index >= clockEnd && date.index - clockEnd <= STAMP_GAP))
      ? date
      : undefined;
  if (!usableClock && !usableDate) return undefined;
  return {
    head,
    clock: usableClock,
    date: usableDate,
    from: Math.min(usableDate?.index ?? Infinity, usableClock?.index ?? Infinity),
    to: Math.max(usableDate ? dateEnd : -1, usableClock ? clockEnd : -1),
  };
}

/**
 * Whether the text in [start, end) may open with a timestamp once its markup is skipped. A plain line's stamp
 * must start within its lead (LINE_MARKUP: marks and spaces, never a digit or a letter), so right after it;
 * and every time or date starts with a digit or a month name. False only when the line surely holds no
 * entry; a character outside ASCII (a space LINE_MARKUP may skip, say) leaves the answer to the full reading.
 */
function mayOpenWithStamp(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (isLineMarkup(code)) continue;
    if (code >= 48 && code <= 57) return true;
    if (code > 127) return true;
    return isLetter(code) && startsWithMonth(text, at, end);
  }
  return false;
}

/** ASCII space or one of the marks LINE_MARKUP skips (`≈` is outside ASCII: mayOpenWithStamp leaves it to the full reading). */
function isLineMarkup(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 42 /* * */ || code === 95 /* _ */ || code === 62 /* > */ ||
    code === 91 /* [ */ || code === 40 /* ( */ || code === 126 /* ~ */ || code === 45 /* - */;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether a month's three-letter abbreviation, in any case, starts at `at`: every month name does. */
function startsWithMonth(text: string, at: number, end: number): boolean {
  return at + 3 <= end && MONTH_ABBREVIATIONS.has(text.slice(at, at + 3).toLowerCase());
}

/** The entry for a text and its timestamp; without one, the whole text stands for the time (table rows). */
function entryFrom(src: EntrySource, stamp: Stamp | undefined): TimelineEntry {
  const { text, textSpan } = src;
  const head = stamp?.head ?? text.slice(0, src.lead + 40);
  const clock = stamp?.clock;
  const clockEnd = clock ? clock.index + clock.length : -1;
  // Neither guess pattern matches an empty text: a stamp that opens or ends the text needs no test on that side.
  const approximate =
    (stamp !== undefined && stamp.from > 0 && APPROX_BEFORE.test(head.slice(0, stamp.from))) ||
    (clock !== undefined && clockEnd < head.length && APPROX_AFTER.test(head.slice(clockEnd, clockEnd + 30)));
  const entry: TimelineEntry = {
    line: src.line,
    span: src.span,
    timeSpan: stamp ? { start: textSpan.start + stamp.from, end: textSpan.start + stamp.to } : textSpan,
    rawTime: stamp ? text.slice(stamp.from, stamp.to) : text,
    minutes: clock?.minutes,
    date: stamp?.date?.iso,
    zone: clock?.zone ?? zoneIn(head.slice(0, (stamp ? stamp.to : 0) + 12)),
    clock: clock?.clock ?? 'none',
    text: src.eventText,
    source: src.source,
    row: src.row,
  };
  // Set after the literal, not spread into it: a spread makes building the entry many times slower.
  if (approximate) entry.approximate = true;
  return entry;
}

/**
 * The timeline as read. Its zone, when neither the heading nor a time column names one, comes from an
 * "All times in X" note, and finding that can mean reading the whole document: only PM007 asks for it (the
 * index never does), so the note is looked for when the zone is first read. The getter is the class's, not
 * each object's: an accessor defined per object costs about as much as a note takes to find. (So `zone` is
 * no longer an own property: Object.keys and JSON.stringify of a timeline leave it out; nothing relies on them.)
 */
class ReadTimeline implements Timeline {
  readonly section: Section;
  entries: TimelineEntry[];
  tables: Table[];
  #zone: string | undefined;
  #findNote: (() => string | undefined) | undefined;

  constructor(section: Section, entries: TimelineEntry[], tables: Table[], zone: string | (() => string | undefined)) {
    this.section = section;
    this.entries = entries;
    this.tables = tables;
    if (typeof zone === 'string') this.#zone = zone;
    else this.#findNote = zone;
  }

  get zone(): string | undefined {
    if (this.#findNote) {
      this.#zone = this.#findNote();
      this.#findNote = undefined;
    }
    return this.#zone;
  }
}
