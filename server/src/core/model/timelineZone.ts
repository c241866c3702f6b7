import type { Span } from './lineIndex';
import type { TimelineSources } from './timeline';

/** The time zones people write after a time or in a timeline's heading. */
const ZONE_WORD = /\b(UTC|GMT|CET|CEST|EET|EEST|WET|WEST|BST|IST|PST|PDT|PT|MST|MDT|CST|CDT|EST|EDT|ET|AEST|AEDT|JST|KST|SGT|NZST|NZDT|Pacific(?: Time)?|Eastern(?: Time)?|Central European(?: Time)?|UTC[+-]\d{1,2}(?::?\d{2})?|GMT[+-]\d{1,2})\b/;
/** Lines that declare the zone for all times: "All times in PDT (UTC-7)", "all times are in\nUTC". */
const ZONE_NOTE = /\ball times\b|\btimes? (?:are|is|in)\b|\btime ?zone\b|\bunless otherwise noted\b/gi;
/** Every zone name holds a capital letter. */
const HAS_CAPITAL = /[A-Z]/;

/**
 * The zone of an "All times in X" note: inside the timeline first, else anywhere in the document.
 *
 * The timeline's spans are read first, so that a note there is found without reading all the document
 * before it; the parts between them only when the spans hold no note inside the timeline. A note never
 * holds a line break, so when every span starts and ends at one, reading a part on its own finds exactly
 * the notes that reading the whole text finds in it; otherwise the whole text is read in one go.
 */
export function zoneNote(src: TimelineSources, inside: (offset: number) => boolean, spans: Span[]): string | undefined {
  const separate = spans.every(
    (span, k) => atLineBreak(src.prose, span.start) && atLineBreak(src.prose, span.end) && (k === 0 || span.start >= spans[k - 1].end),
  );
  if (!separate) return zoneNoteWholeText(src, inside);
  let inTimeline: string | undefined;
  // The first note in the spans that is not inside the timeline (it is in an excluded subsection).
  let excludedNote: { index: number; zone: string } | undefined;
  for (const span of spans) {
    forEachZoneNote(src, span.start, span.end, (index, zone) => {
      if (inside(index)) inTimeline = zone;
      else excludedNote ??= { index, zone };
      return inTimeline !== undefined;
    });
    if (inTimeline !== undefined) return inTimeline;
  }
  // No note inside the timeline: the first note anywhere, in the parts between the spans or in the spans.
  let from = 0;
  for (const span of spans) {
    const before = firstZoneNote(src, from, span.start);
    if (before !== undefined) return before;
    if (excludedNote && excludedNote.index < span.end) return excludedNote.zone;
    from = span.end;
  }
  return firstZoneNote(src, from, src.prose.length);
}

/** zoneNote reading the whole text in one go. */
function zoneNoteWholeText(src: TimelineSources, inside: (offset: number) => boolean): string | undefined {
  let inTimeline: string | undefined;
  let outside: string | undefined;
  forEachZoneNote(src, 0, src.prose.length, (index, zone) => {
    if (inside(index)) inTimeline = zone;
    else outside ??= zone;
    return inTimeline !== undefined;
  });
  return inTimeline ?? outside;
}

function firstZoneNote(src: TimelineSources, from: number, to: number): string | undefined {
  let first: string | undefined;
  forEachZoneNote(src, from, to, (_, zone) => {
    first = zone;
    return true;
  });
  return first;
}

/** Whether an offset is at a line break: the text's start or end, or next to a newline. */
function atLineBreak(text: string, offset: number): boolean {
  return offset <= 0 || offset >= text.length || text.charCodeAt(offset - 1) === 10 || text.charCodeAt(offset) === 10;
}

/**
 * Calls `visit` with each note in [from, to) that names a zone, in order, until it returns true. The part is
 * read on its own, so that the search stops at its end; at line breaks (see zoneNote) that finds the same
 * notes, word boundaries included, as reading the whole text.
 */
function forEachZoneNote(src: TimelineSources, from: number, to: number, visit: (index: number, zone: string) => boolean): void {
  const part = from === 0 && to === src.prose.length ? src.prose : src.prose.slice(from, to);
  ZONE_NOTE.lastIndex = 0;
  for (let m = ZONE_NOTE.exec(part); m; m = ZONE_NOTE.exec(part)) {
    const index = from + m.index;
    // The note may wrap: "all times are in\nUTC."
    const line = src.lines.lineAt(index);
    const end = src.lines.lineEnds[Math.min(line + 1, src.lines.lineCount - 1)];
    const zone = zoneIn(src.prose.slice(index, Math.min(end, index + 160)));
    if (zone && visit(index, zone)) return;
  }
}

/** A time zone named in a text, if any. */
export function zoneIn(text: string): string | undefined {
  // Every zone name holds a capital letter: most entry texts read here ("11:07", "15:11 -") have none.
  if (!HAS_CAPITAL.test(text)) return undefined;
  // `_All times in EEST_`: emphasis marks would otherwise glue the zone to a word.
  return ZONE_WORD.exec(text.replace(/[_*]/g, ' '))?.[1];
}
