import { readActionItems } from './actionItems';
import { parseIsoDate } from './dates';
import { readFields } from './fields';
import { readFiveWhys } from './fiveWhys';
import { frontMatterEntry, parseFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import { parseBlocks } from './markdown';
import { maskProse } from './prose';
import { buildSections, sectionsByLine } from './sections';
import { DEFAULT_SEVERITY_SCALE, readSeverity } from './severity';
import { readTable } from './tables';
import { readTimeline } from './timeline';
import type { HeaderField, Heading, Located, PostmortemDocument, Section, SeverityMark, Table } from './types';

/** What parsing needs to know from the configuration. */
export interface ParseOptions {
  /** Severity levels, most severe first. */
  severityScale?: string[];
}

/** Parses a postmortem once into the model every rule reads. */
export function parsePostmortem(text: string, options: ParseOptions = {}): PostmortemDocument {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(lines);
  // markdown-it reads the whole text, so its line numbers stay the document's, but its blocks start after
  // the front matter (which ends at the end of a line).
  const blocks = parseBlocks(text, lines, frontMatter ? lines.lineAt(frontMatter.span.end) + 1 : 0);
  const sections = buildSections(lines, blocks.headings);
  const sectionOfLine = sectionsByLine(lines, sections);
  const tables = blocks.tableLines.map(([start, end]) => {
    const table = readTable(lines, start, end);
    table.section = sectionOfLine[start];
    return table;
  });
  for (const item of blocks.listItems) item.section = sectionOfLine[item.line];
  const comments = [...blocks.comments];
  const prose = maskProse(lines, frontMatter ? [frontMatter.span] : [], blocks.nonProseLines, comments);
  comments.sort((a, b) => a.span.start - b.span.start);
  const fields = readAllFields(lines, prose, blocks.headings, tables, sectionOfLine);
  const doc: PostmortemDocument = {
    text,
    lines,
    frontMatter,
    title: blocks.headings.find((h) => h.level === 1),
    headings: blocks.headings,
    sections,
    tables,
    listItems: blocks.listItems,
    fields,
    comments,
    prose,
    openFenceStart: blocks.openFenceStart,
    actionItems: readActionItems(prose, sections, tables, blocks.listItems, lines),
  };
  doc.incidentDate = readIncidentDate(doc);
  doc.timeline = readTimeline({ lines, prose, sections, headings: blocks.headings, tables, listItems: blocks.listItems, incidentDate: doc.incidentDate?.value });
  doc.fiveWhys = readFiveWhys(prose, sections, blocks.listItems);
  doc.rootCause = readRootCause(doc);
  doc.severity = readSeverityMark(doc, options.severityScale ?? DEFAULT_SEVERITY_SCALE);
  return doc;
}

/**
 * Reads the header fields of every prose line outside headings and tables. Headings and tables come in line
 * order, so one cursor into each answers "is this line skipped?" without a set of every skipped line.
 */
function readAllFields(lines: LineIndex, prose: string, headings: Heading[], tables: Table[], sectionOfLine: (Section | undefined)[]): HeaderField[] {
  const fields: HeaderField[] = [];
  let nextHeading = 0;
  let nextTable = 0;
  // Every field has a colon; most lines have none, so they are skipped before any regex runs.
  let nextColon = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    if (nextColon < lines.lineStarts[line]) nextColon = prose.indexOf(':', lines.lineStarts[line]);
    if (nextColon < 0) break;
    if (nextColon >= lines.lineEnds[line]) continue;
    while (nextHeading < headings.length && headings[nextHeading].line < line) nextHeading++;
    if (nextHeading < headings.length && headings[nextHeading].line === line) continue;
    while (nextTable < tables.length && tables[nextTable].endLine < line) nextTable++;
    if (nextTable < tables.length && tables[nextTable].startLine <= line) continue;
    for (const field of readFields(lines, line, prose)) {
      field.section = sectionOfLine[line];
      fields.push(field);
    }
  }
  return fields;
}

/** The first field with a canonical key, optionally only with a value. */
export function findField(doc: PostmortemDocument, key: string, withValue = false): HeaderField | undefined {
  return doc.fields.find((f) => f.key === key && (!withValue || f.value !== ''));
}

function readRootCause(doc: PostmortemDocument): Located | undefined {
  const causeFields = doc.fields.filter((f) => f.key === 'root cause');
  const inSection = causeFields.filter((f) => f.section && (f.section.kind === 'rootCause' || f.section.kind === 'fiveWhys'));
  for (const field of [...inSection.reverse(), ...causeFields]) {
    if (field.value) return { value: field.value, span: field.valueSpan };
    const next = nextParagraph(doc, field.line + 1);
    if (next) return next;
  }
  const section = doc.sections.find((s) => s.kind === 'rootCause');
  if (section) {
    const first = nextParagraph(doc, section.startLine + 1, section.endLine);
    if (first && !/^(?:\d+[.)]\s*)?\**why\b/i.test(first.value)) return first;
  }
  const meta = frontMatterEntry(doc.frontMatter, 'root_cause');
  if (typeof meta?.value === 'string' && meta.value.trim()) return { value: meta.value.trim(), span: meta.valueSpan };
  return undefined;
}

/** The first prose line with text at or after `from` (stopping at a heading). */
function nextParagraph(doc: PostmortemDocument, from: number, to = from + 3): Located | undefined {
  const { lines, prose } = doc;
  for (let line = from; line <= Math.min(to, lines.lineCount - 1); line++) {
    const raw = prose.slice(lines.lineStarts[line], lines.lineEnds[line]);
    const text = raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
    if (!text) continue;
    if (/^#{1,6}\s/.test(raw.trim()) || doc.headings.some((h) => h.line === line)) return undefined;
    const start = lines.lineStarts[line] + raw.indexOf(text);
    return { value: text, span: { start, end: start + text.length } };
  }
  return undefined;
}

function readSeverityMark(doc: PostmortemDocument, scale: string[]): SeverityMark | undefined {
  const meta = frontMatterEntry(doc.frontMatter, 'severity');
  if (meta && meta.value !== null && meta.value !== undefined && typeof meta.value !== 'object') {
    const value = String(meta.value);
    return { value, span: meta.valueSpan, from: 'frontMatter', ...readSeverity(value, scale) };
  }
  const field = findField(doc, 'severity', true);
  if (field) return { value: field.value, span: field.valueSpan, from: 'field', ...readSeverity(field.value, scale) };
  return undefined;
}

function readIncidentDate(doc: PostmortemDocument): Located | undefined {
  const meta = frontMatterEntry(doc.frontMatter, 'date');
  if (meta) {
    const iso = parseIsoDate(String(meta.value ?? ''));
    if (iso) return { value: iso, span: meta.valueSpan };
  }
  const field = findField(doc, 'incident date', true);
  const iso = field && parseIsoDate(field.value.replace(/[*_]/g, '').slice(0, 10));
  return iso && field ? { value: iso, span: field.valueSpan } : undefined;
}
