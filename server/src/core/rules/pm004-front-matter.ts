import { formatDuration, parseDuration, parseIsoDate } from '../model/dates';
import { frontMatterEntry } from '../model/frontMatter';
import { findField } from '../model/parse';
import {
  closestKnownKey,
  FRONT_MATTER_KEYS,
  frontMatterTypeProblem,
  isIncidentMetadata,
  REQUIRED_FRONT_MATTER_KEYS,
} from '../model/frontMatterSchema';
import { readSeverity } from '../model/severity';
import type { FrontMatterEntry, PostmortemDocument } from '../model/types';
import { defineRule, type Fix, type ReportedProblem } from './rule';

interface Options {
  reportMissing: boolean;
  extraKeys: string[];
}

export default defineRule<Options>({
  id: 'PM004',
  alias: 'front-matter',
  description: 'YAML front matter must parse and carry incident_id, date and severity with values of the right type.',
  tags: ['structure'],
  defaultLevel: 'error',
  fixable: true,
  options: {
    reportMissing: {
      type: 'boolean',
      default: true,
      description: 'Add an informational note to documents without incident front matter.',
    },
    extraKeys: {
      type: 'string[]',
      default: [],
      description: 'Front-matter keys your team uses besides the known ones; they are not reported as unknown.',
    },
  },
  check({ doc, options, settings, report }) {
    const fm = doc.frontMatter;
    // TOML front matter (Hugo, Zola: the Rust blog) belongs to the site generator and is never read.
    if (fm?.kind === 'toml') return;
    const header = headerValues(doc, settings.severityScale);
    if (!fm) {
      if (options.reportMissing) report(missingNote(doc, header, 'No front matter'));
      return;
    }
    for (const error of fm.errors) report({ span: error.span, message: error.message });
    if (fm.errors.length > 0 || !fm.data) return;
    const keys = fm.entries.map((e) => e.key);
    if (!isIncidentMetadata(keys)) {
      if (options.reportMissing) report(missingNote(doc, header, 'The front matter has no incident metadata'));
      return;
    }
    const fence = doc.lines.lineSpan(0);
    const insertAt = fm.contentSpan.end;
    for (const key of REQUIRED_FRONT_MATTER_KEYS) {
      if (keys.includes(key)) continue;
      const value = header[key];
      report({
        span: fence,
        message: `Front matter has no \`${key}\`: ${KEY_HINTS[key] ?? 'add it'}.`,
        fix: value ? { title: `Add ${key}: ${value}`, edits: [{ span: { start: insertAt, end: insertAt }, newText: `${key}: ${value}${doc.lines.eol}` }] } : undefined,
      });
    }
    for (const entry of fm.entries) {
      if (!(entry.key in FRONT_MATTER_KEYS)) {
        if (!options.extraKeys.includes(entry.key)) report(unknownKey(entry, keys));
        continue;
      }
      const problem = frontMatterTypeProblem(entry.key, entry.value, settings.severityScale);
      if (problem) report({ span: entry.valueSpan.end > entry.valueSpan.start ? entry.valueSpan : entry.keySpan, message: problem, ...typeFix(doc, entry, settings.severityScale) });
    }
  },
});

const KEY_HINTS: Record<string, string> = {
  incident_id: 'give the incident a stable id, e.g. INC-2025-12-15',
  date: 'write the incident date as YYYY-MM-DD',
  severity: 'write the severity level, e.g. P1',
};

/** Front-matter values the body's header fields give: date, severity level, duration and an id from the date. */
function headerValues(doc: PostmortemDocument, scale: string[]): Record<string, string | undefined> {
  const dateField = findField(doc, 'incident date', true);
  const date = dateField ? parseIsoDate(dateField.value.replace(/[*_]/g, '').trim().slice(0, 10)) : undefined;
  const metaDate = frontMatterEntry(doc.frontMatter, 'date')?.value;
  const idDate = (typeof metaDate === 'string' ? parseIsoDate(metaDate.trim().slice(0, 10)) : undefined) ?? date;
  const severityField = findField(doc, 'severity', true);
  const severity = severityField ? readSeverity(severityField.value, scale)?.level : undefined;
  const durationField = findField(doc, 'duration', true);
  const minutes = durationField ? parseDuration(durationField.value.replace(/[*_]/g, '')) : undefined;
  return {
    incident_id: idDate ? `INC-${idDate}` : undefined,
    date,
    severity,
    duration: minutes !== undefined ? formatDuration(minutes) : undefined,
  };
}

/** The informational note for a document without incident front matter, fixable when the header fields say enough. */
function missingNote(doc: PostmortemDocument, header: Record<string, string | undefined>, what: string): ReportedProblem {
  const span = doc.title ? doc.title.textSpan : doc.lines.lineSpan(0);
  const message = `${what} (informational): YAML front matter with incident_id, date and severity lets the workspace views and metrics read this incident.`;
  // Only a postmortem written from the template (an incident date and a severity in its header) is filled in.
  if (!header.date || !header.severity) return { span, message, severity: 'info' };
  const eol = doc.lines.eol;
  const lines = ['incident_id', 'date', 'severity', 'duration'].filter((k) => header[k]).map((k) => `${k}: ${header[k]}`);
  const fm = doc.frontMatter;
  const fix: Fix = fm
    ? { title: 'Add incident metadata to the front matter', edits: [{ span: { start: fm.contentSpan.end, end: fm.contentSpan.end }, newText: lines.join(eol) + eol }] }
    : { title: 'Add front matter from the header fields', edits: [{ span: { start: bodyStart(doc), end: bodyStart(doc) }, newText: ['---', ...lines, '---', ''].join(eol) + eol }] };
  return { span, message, severity: 'info', fix };
}

/** Just after a byte-order mark, if any. */
function bodyStart(doc: PostmortemDocument): number {
  return doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

function unknownKey(entry: FrontMatterEntry, keys: string[]): ReportedProblem {
  const close = closestKnownKey(entry.key);
  const suggestion = close && close !== entry.key && !keys.includes(close) ? close : undefined;
  return {
    span: entry.keySpan,
    message: `Unknown front-matter key \`${entry.key}\`${suggestion ? `: did you mean \`${suggestion}\`?` : '; list it in the rule\'s extraKeys option if your team uses it.'}`,
    severity: 'hint',
    suggestions: suggestion ? [{ title: `Rename to ${suggestion}`, edits: [{ span: entry.keySpan, newText: suggestion }] }] : undefined,
  };
}

/** Safe rewrites for values of the wrong shape: severity casing, a comma-separated string for a list. */
function typeFix(doc: PostmortemDocument, entry: FrontMatterEntry, scale: string[]): Pick<ReportedProblem, 'fix' | 'suggestions'> {
  const value = entry.value;
  if (entry.key === 'severity' && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value).trim();
    const same = scale.find((level) => level.toLowerCase() === text.toLowerCase());
    if (same) return { fix: { title: `Write ${same}`, edits: [{ span: entry.valueSpan, newText: same }] } };
    const level = readSeverity(text, scale)?.level;
    if (level) return { suggestions: [{ title: `Use ${level}`, edits: [{ span: entry.valueSpan, newText: level }] }] };
  }
  const raw = doc.text.slice(entry.valueSpan.start, entry.valueSpan.end);
  if (FRONT_MATTER_KEYS[entry.key] === 'list' && typeof value === 'string' && /^[\w .,/-]+$/.test(raw) && !raw.includes('\n')) {
    const items = value.split(',').map((v) => v.trim()).filter(Boolean);
    return { fix: { title: 'Write as a list', edits: [{ span: entry.valueSpan, newText: `[${items.join(', ')}]` }] } };
  }
  return {};
}
