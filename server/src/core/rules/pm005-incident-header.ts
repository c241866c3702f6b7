import { formatDuration, parseDuration, parseIsoDate } from '../model/dates';
import { frontMatterEntry } from '../model/frontMatter';
import { elapsedMinutes, formatDurationLike, readDurationClaims, type DurationClaim } from '../model/durationClaims';
import { findField } from '../model/parse';
import { readSeverity } from '../model/severity';
import type { HeaderField, PostmortemDocument } from '../model/types';
import { defineRule, type ReportedProblem } from './rule';

/** Durations more than a day off are a wrong date, not a wrong duration: nothing is rewritten then. */
const MAX_FIXED_GAP = 1440;

export default defineRule<{ toleranceMinutes: number }>({
  id: 'PM005',
  alias: 'incident-header',
  description: 'The incident header must agree with itself and with the front matter: duration, date and severity.',
  tags: ['structure'],
  defaultLevel: 'warning',
  fixable: true,
  options: {
    toleranceMinutes: {
      type: 'number',
      default: 1,
      minimum: 0,
      description: 'How many minutes a stated duration may differ from end minus start.',
    },
  },
  check({ doc, options, settings, report }) {
    for (const claim of readDurationClaims(doc)) {
      const problem = checkClaim(claim, options.toleranceMinutes);
      if (problem) report(problem);
    }
    if (doc.frontMatter?.kind !== 'yaml') return;
    const scale = settings.severityScale;
    compare(doc, 'date', 'incident date', (v) => parseIsoDate(v.replace(/[*_]/g, '').trim().slice(0, 10)), report);
    compare(doc, 'severity', 'severity', (v) => readSeverity(v, scale)?.level, report);
    compare(doc, 'duration', 'duration', (v) => {
      const minutes = parseDuration(v.replace(/[*_]/g, ''));
      return minutes === undefined ? undefined : formatDuration(minutes);
    }, report);
  },
});

function checkClaim(claim: DurationClaim, tolerance: number): ReportedProblem | undefined {
  const actual = elapsedMinutes(claim.from, claim.to);
  if (actual < 0 || Math.abs(actual - claim.minutes) <= tolerance) return undefined;
  const withDates = claim.from.date !== claim.to.date;
  const range = `${describe(claim.from, withDates)} to ${describe(claim.to, withDates)} is ${formatDuration(actual)}`;
  if (Math.abs(actual - claim.minutes) > MAX_FIXED_GAP) {
    return {
      span: claim.span,
      message: `${claim.label} says ${claim.raw} but ${range}: one of the dates is probably wrong.`,
      data: { expectedMinutes: actual },
    };
  }
  const newText = formatDurationLike(actual, claim.raw);
  return {
    span: claim.span,
    message: `${claim.label} says ${claim.raw} but ${range}: write ${newText}, or correct the times.`,
    fix: { title: `Change the duration to ${newText}`, edits: [{ span: claim.span, newText }] },
    data: { expectedMinutes: actual },
  };
}

function describe(point: DurationClaim['from'], withDate: boolean): string {
  const clock = `${String(Math.floor(point.minutes / 60)).padStart(2, '0')}:${String(point.minutes % 60).padStart(2, '0')}`;
  const time = withDate && point.date ? `${point.date} ${clock}` : clock;
  return point.label === 'from' || point.label === 'to' ? time : `${point.label} (${time})`;
}

/** Reports a header field whose value means something else than the front-matter key. */
function compare(
  doc: PostmortemDocument,
  key: string,
  fieldKey: string,
  normalize: (value: string) => string | undefined,
  report: (problem: ReportedProblem) => void,
): void {
  const entry = frontMatterEntry(doc.frontMatter, key);
  const field: HeaderField | undefined = findField(doc, fieldKey, true);
  if (!entry || !field || entry.value === null || typeof entry.value === 'object') return;
  const meta = normalize(String(entry.value));
  const body = normalize(field.value);
  if (!meta || !body || meta === body) return;
  report({
    span: field.valueSpan,
    message: `${field.label} says ${field.value} but the front matter's \`${key}\` is ${String(entry.value)}: make them agree.`,
    suggestions: [{ title: `Use the front matter's ${key} (${String(entry.value)})`, edits: [{ span: field.valueSpan, newText: String(entry.value) }] }],
  });
}
