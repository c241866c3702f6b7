import type { LineIndex } from './lineIndex';
import type { HeaderField } from './types';
import { isRegexSpace, skipRegexSpaces } from './whitespace';

/**
 * `**Key:** value`, `**Key**: value`, optionally as a list item. The blanks before the value are all taken
 * (`(?![ \t])`): giving some back to `(.*)` never helped, and each try rescanned the line.
 */
const BOLD_FIELD = /^(\s*(?:[-*+]\s+)?)\*\*([^*\n]{1,60}?)(:?)\*\*(:?)[ \t]*(?![ \t])(.*)$/;
/**
 * `Key: value` for the well-known keys only (Flutter writes them plain, joined by `<br>`). The blanks before the
 * value are all taken, or all but one when nothing follows them (`.+` then takes the last), as backtracking found.
 */
// eslint-disable-next-line regexp/no-empty-capturing-group, regexp/no-empty-group -- the empty group keeps BOLD_FIELD's group numbers
const PLAIN_FIELD = /^(\s*(?:[-*+]\s+)?)([A-Z][A-Z /()-]{1,30})(:)()[ \t]+(?=[^ \t]|[ \t]$)(.+)$/i;

/** Canonical header keys and the labels teams use for them. */
const KEY_ALIASES: Record<string, string> = {
  'incident date': 'incident date',
  date: 'incident date',
  'date/time': 'incident date',
  'incident date/time': 'incident date',
  'start time': 'start time',
  started: 'start time',
  'start': 'start time',
  'recovery time': 'recovery time',
  'end time': 'recovery time',
  recovered: 'recovery time',
  'resolved': 'recovery time',
  duration: 'duration',
  severity: 'severity',
  sev: 'severity',
  'postmortem author': 'author',
  'post-mortem author': 'author',
  author: 'author',
  authors: 'author',
  participants: 'participants',
  attendees: 'participants',
  'incident id': 'incident id',
  id: 'incident id',
  status: 'status',
};

/** Normalises a field label to its canonical key (or its lower-cased form when not a known key). */
export function canonicalKey(label: string): string {
  const key = label.toLowerCase().replace(/\s+/g, ' ').trim();
  return KEY_ALIASES[key] ?? key;
}

/** Reads the fields written on one prose line (several when joined by `<br>`). */
export function readFields(lines: LineIndex, line: number, prose: string): HeaderField[] {
  const fields: HeaderField[] = [];
  const lineStart = lines.lineStarts[line];
  const text = prose.slice(lineStart, lines.lineEnds[line]);
  // Most lines hold no `<br>`: they are one part, and splitting them with a regex would only copy them.
  if (text.indexOf('<') < 0) {
    const field = readField(text, lineStart, line);
    if (field) fields.push(field);
    return fields;
  }
  let offset = 0;
  for (const part of text.split(/<br\s*\/?>/i)) {
    const field = readField(part, lineStart + offset, line);
    if (field) fields.push(field);
    offset += part.length;
    const sep = /^<br\s*\/?>/i.exec(text.slice(offset));
    if (sep) offset += sep[0].length;
  }
  return fields;
}

function readField(part: string, base: number, line: number): HeaderField | undefined {
  // Most lines with a colon are prose or timeline entries ("- 14:02 UTC: …"): the regexes run only where they may match.
  const key = keyStart(part);
  let match = part.startsWith('**', key) ? BOLD_FIELD.exec(part) : null;
  if (match && !match[3] && !match[4]) match = null;
  if (!match) {
    match = isAsciiLetter(part.charCodeAt(key)) ? PLAIN_FIELD.exec(part) : null;
    if (!match || !(match[2].toLowerCase().trim() in KEY_ALIASES)) return undefined;
  }
  const [, lead, label, , , rawValue] = match;
  const labelStart = base + lead.length;
  const value = rawValue.trim();
  const valueStart = base + part.length - rawValue.length + (rawValue.length - rawValue.trimStart().length);
  return {
    key: canonicalKey(label.replace(/:$/, '')),
    label: label.replace(/:$/, '').trim(),
    value,
    line,
    labelSpan: { start: labelStart, end: labelStart + (part.length - lead.length - rawValue.length) },
    valueSpan: { start: valueStart, end: valueStart + value.length },
  };
}

/**
 * Where a field's key can start: after the blanks and the optional `-`, `*` or `+` bullet both regexes allow. BOLD_FIELD
 * needs `**` there and PLAIN_FIELD a letter.
 */
function keyStart(part: string): number {
  let at = skipRegexSpaces(part, 0);
  const c = part.charCodeAt(at);
  if ((c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */ && isRegexSpace(part.charCodeAt(at + 1))) at = skipRegexSpaces(part, at + 1);
  return at;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
