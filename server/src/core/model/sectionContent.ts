import type { Span } from './lineIndex';
import { placeholdersIn, type Placeholder } from './placeholders';
import { isTimestampHeading } from './sectionKinds';
import type { PostmortemDocument, Section, Table } from './types';
import { isRegexSpace } from './whitespace';

/** What a section holds besides its subsections. */
export type SectionContent = 'content' | 'placeholders' | 'nothing';

/** Table columns that hold numbering or a default status, which a skeleton row fills in by itself. */
const BOOKKEEPING_COLUMN = /^(?:#|no\.?|n°|status|state)$/i;
/** A line that is only a label waiting for its value: `**Impact:**`, `- Downtime:`. */
const LABEL_ONLY = /^(?:\*\*|__)?[^*_:|]{1,60}(?:\*\*|__)?:(?:\*\*|__)?$/;
/** The longest text LABEL_ONLY can match (2 + 60 + 2 + 1 + 2): longer lines are not tried. */
const LABEL_ONLY_MAX = 67;

/**
 * Whether a section's own text (its subsections aside) says anything. Template guidance in HTML comments,
 * placeholders (`[List]`, `TODO`, `-`), labels without values and skeleton table rows do not count; code,
 * quotes and HTML do. A heading-per-event timeline entry whose heading carries the event is never empty.
 */
export function sectionContent(doc: PostmortemDocument, section: Section, placeholders: readonly Placeholder[]): SectionContent {
  if (section.kind === 'timeline' && isTimestampHeading(section.heading.text) && /[a-z]{3,}/i.test(section.heading.text.replace(/\b(?:am|pm|utc|[a-z]{3,4}t)\b/gi, ''))) {
    return 'content';
  }
  const { lines, text, prose } = doc;
  const span = section.ownContentSpan;
  if (span.end <= span.start) return 'nothing';
  const firstLine = lines.lineAt(span.start);
  const lastLine = lines.lineAt(Math.max(span.start, span.end - 1));
  const comments = doc.comments.filter((c) => c.span.end > span.start && c.span.start < span.end).map((c) => c.span);
  const local = placeholdersIn(placeholders, span);
  const tables = doc.tables.filter((t) => t.startLine >= firstLine && t.startLine <= lastLine);
  let sawPlaceholder = local.length > 0;
  for (let line = firstLine; line <= lastLine; line++) {
    const lineSpan = { start: Math.max(lines.lineStarts[line], span.start), end: Math.min(lines.lineEnds[line], span.end) };
    const table = tables.find((t) => line >= t.startLine && line <= t.endLine);
    if (table) {
      if (tableRowHasText(doc, table, line, local)) return 'content';
      // A skeleton row (numbering, a default status, blanks) is a placeholder.
      if (table.rows.some((r) => r.line === line)) sawPlaceholder = true;
      continue;
    }
    const raw = comments.length ? blankSpans(text, lineSpan, comments) : text.slice(lineSpan.start, lineSpan.end);
    if (!raw.trim()) continue;
    const own = prose.slice(lineSpan.start, lineSpan.end);
    // Hidden from the prose but there in the text: code, a quote, HTML or a URL, which is content.
    if (own !== raw && nonSpaceCount(own) < nonSpaceCount(raw)) return 'content';
    const rest = (local.length ? blankSpans(prose, lineSpan, local) : own)
      .replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*(?:\[[ x]\]\s*)?/i, '')
      .trim();
    // "TODO: what was done to restore service." is a note to the author, not content.
    const todo = (own.includes('TODO') || own.includes('TB') || own.includes('FIXME')) && /^(?:TODO|TBD|TBC|FIXME)\b/.test(own.replace(/^\s*(?:[-*+]|\d+[.)])?\s*/, ''));
    if (!rest || todo || (rest.length <= LABEL_ONLY_MAX && LABEL_ONLY.test(rest)) || /^[-*_.…=~]+$/.test(rest)) {
      sawPlaceholder = true;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(rest)) return 'content';
  }
  return sawPlaceholder ? 'placeholders' : 'nothing';
}

function tableRowHasText(doc: PostmortemDocument, table: Table, line: number, placeholders: readonly Placeholder[]): boolean {
  const row = table.rows.find((r) => r.line === line);
  if (!row) return false;
  return row.cells.some((cell, k) => {
    if (BOOKKEEPING_COLUMN.test(table.header.cells[k]?.text.replace(/[*_]/g, '').trim() ?? '')) return false;
    const value = blankSpans(doc.prose, cell.span, placeholders).trim();
    return /[\p{L}\p{N}]/u.test(value) && !/^[-–—]$/.test(value);
  });
}

/** The text of `span` with the parts inside `holes` blanked. */
function blankSpans(source: string, span: Span, holes: readonly Span[] | readonly { span: Span }[]): string {
  let out = source.slice(span.start, span.end);
  for (const hole of holes) {
    const h = 'span' in hole ? hole.span : hole;
    if (h.end <= span.start || h.start >= span.end) continue;
    const from = Math.max(h.start, span.start) - span.start;
    const to = Math.min(h.end, span.end) - span.start;
    out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}

/** Characters of `s` that are not whitespace (as `\s` means it), counted without building a string. */
function nonSpaceCount(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) if (!isRegexSpace(s.charCodeAt(i))) count++;
  return count;
}
