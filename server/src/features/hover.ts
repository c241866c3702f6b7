import type { Hover, Position } from 'vscode-languageserver';
import { daysBetween } from '../core/model/dates';
import { frontMatterEntry } from '../core/model/frontMatter';
import type { Span } from '../core/model/lineIndex';
import type { PostmortemDocument } from '../core/model/types';
import type { IncidentInfo } from '../protocol';

/** What each default severity means and how soon its postmortem is due. */
const SEVERITY_MEANING: Record<string, string> = {
  P0: 'Critical: production down for all users. Postmortem mandatory, due within 24 hours.',
  P1: 'High: partial downtime, more than half of users affected. Postmortem mandatory, due within 3 days.',
  P2: 'Medium: degraded performance (slow queries, timeouts). Postmortem recommended, due within a week.',
  P3: 'Low: minor issue that does not affect functionality. Postmortem optional.',
};

function inside(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** Escapes text from a document before it goes into hover Markdown (hovers are untrusted content). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, '\\$&');
}

function markdown(value: string, span: Span, doc: PostmortemDocument): Hover {
  return { contents: { kind: 'markdown', value }, range: { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) } };
}

/** Hover on a deadline, a severity or a `repeat_of` incident id. */
export function hover(doc: PostmortemDocument, position: Position, today: string, incidents: IncidentInfo[]): Hover | undefined {
  const offset = doc.lines.offsetAt(position);
  for (const item of doc.actionItems) {
    const deadline = item.deadline;
    if (!deadline || !inside(deadline.span, offset)) continue;
    if (deadline.ongoing) return markdown('Ongoing: no fixed deadline.', deadline.span, doc);
    if (!deadline.date) return markdown(deadline.invalid ? 'Not a real calendar date.' : 'Not a date postmortem-lint can read (use YYYY-MM-DD).', deadline.span, doc);
    const days = daysBetween(today, deadline.date);
    const done = item.status?.normalized === 'done';
    const text = days === 0 ? 'Due today' : days > 0 ? `Due in ${days} day${days === 1 ? '' : 's'}` : `${-days} day${days === -1 ? '' : 's'} overdue`;
    return markdown(done ? `${text} (done)` : text, deadline.span, doc);
  }
  const severity = doc.severity;
  if (severity && inside(severity.span, offset)) {
    const meaning = severity.level ? SEVERITY_MEANING[severity.level] : undefined;
    const label = severity.level ? `**${escapeMarkdown(severity.level)}**` : `**${escapeMarkdown(severity.value)}**`;
    return markdown(`${label}: ${meaning ?? (severity.level ? 'a level of the configured severity scale.' : 'not a level of the configured severity scale.')}`, severity.span, doc);
  }
  const repeat = frontMatterEntry(doc.frontMatter, 'repeat_of');
  if (repeat && inside(repeat.valueSpan, offset)) {
    const ids = Array.isArray(repeat.value) ? repeat.value.map(String) : [String(repeat.value ?? '')];
    const lines = ids.map((id) => {
      const incident = incidents.find((i) => i.incidentId === id);
      if (!incident) return `**${escapeMarkdown(id)}**: no postmortem with this id in the workspace.`;
      const title = escapeMarkdown(incident.title ?? '(untitled)');
      return `**${escapeMarkdown(id)}**: ${title}, ${escapeMarkdown(incident.date ?? 'no date')}; ${incident.openItems} open action item${incident.openItems === 1 ? '' : 's'}${incident.overdueItems ? `, ${incident.overdueItems} overdue` : ''}.`;
    });
    return markdown(lines.join('\n\n'), repeat.valueSpan, doc);
  }
  return undefined;
}
