import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { addDays } from '../core/model/dates';
import { CANONICAL_SECTIONS } from '../core/model/sectionKinds';
import { STATUS_LABELS } from '../core/model/status';
import type { PostmortemDocument } from '../core/model/types';

/** What completion knows about the rest of the workspace. */
export interface CompletionSources {
  today: string;
  severityScale: string[];
  owners: string[];
  tags: string[];
  services: string[];
  incidentIds: string[];
}

/** Front-matter keys and what they hold. */
const FRONT_MATTER_KEYS: [string, string][] = [
  ['incident_id', 'Stable id of the incident, e.g. INC-2025-12-15'],
  ['title', 'Short title of the incident'],
  ['date', 'Incident date (YYYY-MM-DD)'],
  ['severity', 'Severity on the configured scale'],
  ['duration', 'How long the incident lasted, e.g. 4h 28min'],
  ['status', 'draft, review, final or published'],
  ['published', 'Date the postmortem was published (YYYY-MM-DD)'],
  ['root_cause', 'One line: the systemic root cause'],
  ['tags', 'List of tags, e.g. [database, monitoring]'],
  ['affected_services', 'List of affected services'],
  ['repeat_of', 'Incident id this incident repeats'],
  ['visibility', 'internal or public'],
];

const DOCUMENT_STATUSES = ['draft', 'review', 'final', 'published'];

/** Completion items for a position in a postmortem. */
export function complete(doc: PostmortemDocument, position: Position, sources: CompletionSources): CompletionItem[] {
  const lineText = doc.lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const offset = doc.lines.offsetAt(position);
  const fm = doc.frontMatter;
  if (fm && fm.kind === 'yaml' && offset >= fm.contentSpan.start && offset <= fm.contentSpan.end) return frontMatter(doc, before, sources);
  if (/^#{1,6}\s+\S*$/.test(before)) return headings(doc);
  // `$` first, the rest as a lookbehind: tried once at the end instead of from every `**severity**` (quadratic).
  if (/$(?<=\*\*severity:?\*\*:?\s*\S*)/i.test(before)) return values(sources.severityScale, CompletionItemKind.EnumMember);
  const table = doc.tables.find((t) => position.line > t.startLine + 1 && position.line <= t.endLine + 1 && position.line >= t.startLine);
  if (table && /\|/.test(before)) {
    const column = before.split(/(?<!\\)\|/).length - 2;
    const header = table.header.cells[column]?.text ?? '';
    if (/status|state/i.test(header)) return statuses();
    if (/owner|assignee|who/i.test(header)) return values(sources.owners, CompletionItemKind.Reference);
    if (/deadline|due|eta|target/i.test(header)) return deadlines(sources.today);
    if (/severity/i.test(header)) return values(sources.severityScale, CompletionItemKind.EnumMember);
  }
  if (/(?:^|\s)@[\w-]*$/.test(before)) return values(sources.owners.map((o) => o.replace(/^@/, '')), CompletionItemKind.Reference, '@');
  if (/$(?<=\bdue:\s*\S*)/i.test(before)) return deadlines(sources.today);
  if (/$(?<=\bstatus:\s*\S*)/i.test(before)) return statuses();
  return [];
}

function values(list: string[], kind: CompletionItemKind, prefix = ''): CompletionItem[] {
  return [...new Set(list)].sort().map((value) => ({ label: prefix + value, insertText: value, kind }));
}

function statuses(): CompletionItem[] {
  return Object.values(STATUS_LABELS).map((label, k) => ({ label, kind: CompletionItemKind.EnumMember, sortText: String(k) }));
}

function deadlines(today: string): CompletionItem[] {
  return [7, 14, 30].map((days, k) => ({
    label: addDays(today, days),
    detail: `today + ${days} days`,
    kind: CompletionItemKind.Value,
    sortText: String(k),
  }));
}

/** Section headings, the missing ones first. */
function headings(doc: PostmortemDocument): CompletionItem[] {
  const present = new Set(doc.sections.map((s) => s.kind));
  return CANONICAL_SECTIONS.map((section, k) => {
    const missing = !present.has(section.kind);
    return {
      label: section.title,
      kind: CompletionItemKind.Module,
      detail: missing ? 'missing section' : 'already in this postmortem',
      sortText: `${missing ? 0 : 1}${String(k).padStart(2, '0')}`,
    };
  });
}

function frontMatter(doc: PostmortemDocument, before: string, sources: CompletionSources): CompletionItem[] {
  const keyValue = /^([a-z_]+):[^\n\r\u2028\u2029]*$/.exec(before);
  if (!keyValue) {
    const present = new Set(doc.frontMatter?.entries.map((e) => e.key));
    return FRONT_MATTER_KEYS.filter(([key]) => !present.has(key)).map(([key, detail]) => ({
      label: key,
      detail,
      insertText: `${key}: `,
      kind: CompletionItemKind.Property,
    }));
  }
  switch (keyValue[1]) {
    case 'severity':
      return values(sources.severityScale, CompletionItemKind.EnumMember);
    case 'status':
      return values(DOCUMENT_STATUSES, CompletionItemKind.EnumMember);
    case 'visibility':
      return values(['internal', 'public'], CompletionItemKind.EnumMember);
    case 'date':
    case 'published':
      return [{ label: sources.today, detail: 'today', kind: CompletionItemKind.Value }];
    case 'tags':
      return values(sources.tags, CompletionItemKind.Keyword);
    case 'affected_services':
      return values(sources.services, CompletionItemKind.Keyword);
    case 'repeat_of':
      return values(sources.incidentIds, CompletionItemKind.Reference);
    default:
      return [];
  }
}
