import { frontMatterEntry } from '../model/frontMatter';
import type { Span } from '../model/lineIndex';
import { termSimilarity } from '../model/similarity';
import type { PostmortemDocument } from '../model/types';
import { rootCauseTermsOf, sameIncidentId, summarizeIncident, type IncidentSummary } from '../workspace';
import { dayNumber, incidentsBetween, workspaceLookup } from '../workspaceLookup';
import { defineRule } from './rule';

/** Open items quoted in one message, and earlier incidents reported per document. */
const MAX_ITEMS = 3;
const MAX_REPORTS = 3;

/** The earlier incident's open action items, short enough for a diagnostic. */
function openItemsText(items: string[]): string {
  if (items.length === 0) return 'none are open, so ask why they did not prevent this one';
  const quoted = items.slice(0, MAX_ITEMS).map((text) => {
    // Owners and due dates are noise here; the task is what the reader needs.
    const clean = text.replace(/[*_`]/g, '').replace(/\s(?:@[\w-]+|(?:due|deadline)[:=]\S+)/gi, '').replace(/\s+/g, ' ').trim();
    return `"${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}"`;
  });
  return quoted.join(', ') + (items.length > MAX_ITEMS ? ` and ${items.length - MAX_ITEMS} more` : '');
}

function overlaps(a: string[], b: string[]): boolean {
  const set = new Set(a.map((v) => v.toLowerCase()));
  return b.some((v) => set.has(v.toLowerCase()));
}

/** Where to point: the root cause when that matched, else the tags or the front matter. */
function anchor(doc: PostmortemDocument, byCause: boolean): Span {
  if (byCause && doc.rootCause) return doc.rootCause.span;
  const tags = frontMatterEntry(doc.frontMatter, 'tags');
  if (tags) return { start: tags.keySpan.start, end: tags.valueSpan.end };
  if (doc.frontMatter) return { start: 0, end: doc.lines.lineEnds[0] };
  return doc.rootCause?.span ?? doc.title?.textSpan ?? { start: 0, end: 0 };
}

export default defineRule<{ windowDays: number; minSimilarity: number }>({
  id: 'PM051',
  alias: 'repeat-incident',
  description: 'Flags a likely repeat of an earlier incident (same root cause, or same tags and service) so its open action items get attention.',
  tags: ['workspace'],
  defaultLevel: 'info',
  fixable: false,
  options: {
    windowDays: { type: 'number', default: 180, minimum: 1, description: 'How many days back an earlier incident counts as a possible repeat.' },
    minSimilarity: { type: 'number', default: 0.5, minimum: 0, description: 'How alike two root causes must be (0..1, shared terms over term count) to count as the same.' },
  },
  check({ doc, options, workspace, uri, report }) {
    if (workspace.incidents.length === 0) return;
    const self = summarizeIncident(doc, uri);
    if (!self.date) return;
    const terms = rootCauseTermsOf(self);
    const acknowledged = (other: IncidentSummary) =>
      self.repeatOf.some((ref) => sameIncidentId(ref, other.incidentId) || sameIncidentId(ref, other.uri) || other.uri.endsWith(`/${ref}`));
    const matches: { other: IncidentSummary; days: number; byCause: boolean }[] = [];
    const selfDay = dayNumber(self.date);
    // Only incidents dated inside the window can be repeats: a range of the date-ordered workspace.
    for (const { day, incident: other } of incidentsBetween(workspaceLookup(workspace.incidents), selfDay - options.windowDays, selfDay)) {
      if (other.uri === uri || sameIncidentId(other.incidentId, self.incidentId)) continue;
      const days = selfDay - day;
      const earlier = days > 0 || (days === 0 && other.start !== undefined && self.start !== undefined && other.start < self.start);
      if (!earlier || acknowledged(other)) continue;
      const otherTerms = rootCauseTermsOf(other);
      const byCause = terms.length > 0 && termSimilarity(terms, otherTerms) >= options.minSimilarity;
      if (byCause || (overlaps(self.tags, other.tags) && overlaps(self.services, other.services))) matches.push({ other, days, byCause });
    }
    matches.sort((a, b) => a.days - b.days);
    for (const { other, byCause } of matches.slice(0, MAX_REPORTS)) {
      const name = other.incidentId ?? other.title ?? other.uri;
      const why = byCause ? 'same root cause' : 'same tags and service';
      report({
        span: anchor(doc, byCause),
        message:
          `Possible repeat of ${name} (${other.date}, ${why}); its open action items: ${openItemsText(other.openActionItems)}. ` +
          `If it is a repeat, say so with \`repeat_of: ${other.incidentId ?? other.uri}\` in the front matter.`,
        data: { repeatOf: other.incidentId, uri: other.uri },
      });
    }
  },
});
