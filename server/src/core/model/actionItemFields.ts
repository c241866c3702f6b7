import { findPeriod, readDeadline } from './deadlines';
import type { Span } from './lineIndex';
import { readCategory, readGroupStatus, readInlineStatus, readStatus } from './status';
import type { ActionItemCategory, ActionItemGroup, ActionItemStatus, Deadline, Located, StatusMark } from './types';
import { trimEndChars } from './trimChars';

/** Owner values that name nobody. */
const OWNER_PLACEHOLDER = /^(?:-+|[—–@]|\?+|tb[cda]|to be (?:decided|determined|assigned)|n\/?a|none|nobody|no ?one|unassigned|unknown|todo|\[[^\]]*\]|\{[^}]*\}|<[^>]*>)?$/i;
const OWNER_LABEL = /\b(?:owners?|assignees?|dri|responsible)\s*[:=]\s*(@?[\w.-]+(?:\/[\w-]+)?(?: [A-Z][\w-]*)?)|\b(?:owned by|assigned to)\s+(@?[\w.-]+(?:\/[\w-]+)?(?: [A-Z][\w-]*)?)/i;
const HANDLE = /(?<![\w.@/])@(?!here\b|channel\b|everyone\b)[A-Za-z0-9][\w-]*(?:\/[\w-]+)?/;

const DATE_TOKEN = /^(?:\d{4,5}[-/.]\d{1,2}[-/.]\d{1,2}|(?:end of )?(?:q[1-4]|h[12])[\s/-]?\d{4}|(?:end of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|(?:end of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}|ongoing)(?![\w-])/i;
/** `due:`, `deadline:`, `ETA:` take any value (a wrong one is reported); `by`, `before`, `until` need a date after them. */
const DUE_COLON = /\b(?:due(?: date)?|deadline|eta|target date)\s*[:=]\s*/i;
const DUE_WORD = /\b(?:due|by|before|until)\s+(?=\d{4}|q[1-4]|h[12]|end of|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const DUE_EMOJI = /(?:📅|🗓\uFE0F?)\s*(?=\d{4})/u;
const BARE_DATE = /(?<![\w.-])\d{4,5}-\d{1,2}-\d{1,2}(?![\w-])/;
const ONGOING = /(?:^|[(,;–—-])\s*(ongoing|continuous|recurring)\s*(?:\)|$)/i;
/** The labels before a due date, in the order they are tried. */
const DUE_LABELS = [DUE_COLON, DUE_EMOJI, DUE_WORD];

/** URLs are found first and then checked for an issue path: one regex for both backtracks on long URL-ish runs. */
const URL = /https?:\/\/[^\s<>()[\]]+/gi;
const ISSUE_PATH = /\/(?:issues|pull|pulls|merge_requests|browse|tickets?)\/[\w-]+/i;
/** `[PR 12](https://…)`; neither part holds a `[`, so a failed try never rescans the next one's text. */
const LINKED_WORD = /\[([^\][]{1,40})\]\((https?:\/\/[^\s)[]+)\)/;
const ISSUE_REF = /(?<![\w/&])#\d+\b/;
/** Lines that point at where a group of items is tracked, rather than being an item. */
export const TRACKING_LINE = /^\W*(?:follow along|tracked (?:in|at|here)|tracking (?:issue|bug|ticket|epic)|see (?:the )?(?:issue|ticket|epic|board))\b/i;

/**
 * Whether TRACKING_LINE can match: after `^\W*` its first word character is the first letter of an alternative, so
 * the first `[A-Za-z0-9_]` of the text (`\W` is everything else without the `u` flag) must be an f, t or s in either
 * case. Most item texts and lines start with another word; this reads up to their first word character only.
 */
export function mayBeTrackingLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) return lower === 102 /* f */ || lower === 116 /* t */ || lower === 115 /* s */;
    if ((c >= 48 && c <= 57) || c === 95) return false;
  }
  return false;
}

/** A value found at `index` within the text that starts at `base`. */
function at(base: number, index: number, value: string): Located {
  return { value, span: { start: base + index, end: base + index + value.length } };
}

/** Reads an owner cell: undefined when it is blank or a placeholder. */
export function ownerFromCell(text: string, span: Span): Located | undefined {
  const value = text.replace(/[*_`]/g, '').trim();
  return OWNER_PLACEHOLDER.test(value) ? undefined : { value: text, span };
}

/** `owner: Alice`, `assigned to @sre`, or the first `@handle`; read from prose so handles in code or URLs are ignored. */
export function findOwner(prose: string, base: number): Located | undefined {
  const label = OWNER_LABEL.exec(prose);
  // Most items name their owner with a handle or not at all; HANDLE needs an `@`.
  if (!label && prose.indexOf('@') < 0) return undefined;
  if (label) {
    const value = label[1] ?? label[2];
    if (OWNER_PLACEHOLDER.test(value)) return undefined;
    return at(base, label.index + label[0].length - value.length, value);
  }
  const handle = HANDLE.exec(prose);
  return handle ? at(base, handle.index, handle[0]) : undefined;
}

/** `due: 2026-01-10`, `by Q1 2026`, `📅 2026-01-10`, `(ongoing)`, or an ISO-like date at the end or in brackets. */
export function findDeadline(prose: string, base: number): Deadline | undefined {
  // DUE_COLON needs a `:` or `=` and DUE_EMOJI a calendar emoji, which most items do not have.
  const colon = prose.indexOf(':') >= 0 || prose.indexOf('=') >= 0;
  const emoji = prose.indexOf('📅') >= 0 || prose.indexOf('🗓') >= 0;
  for (const label of DUE_LABELS) {
    if ((label === DUE_COLON && !colon) || (label === DUE_EMOJI && !emoji)) continue;
    const m = label.exec(prose);
    if (!m) continue;
    const from = m.index + m[0].length;
    const rest = prose.slice(from);
    const date = DATE_TOKEN.exec(rest)?.[0];
    if (!date && label !== DUE_COLON) continue;
    const token = date ?? /^[^,;()[\]]{0,30}/.exec(rest)?.[0].trim() ?? '';
    return readDeadline(token, { start: base + from, end: base + from + token.length });
  }
  const ongoing = ONGOING.exec(prose);
  if (ongoing) {
    const value = ongoing[1];
    return readDeadline(value, at(base, ongoing.index + ongoing[0].indexOf(value), value).span);
  }
  const bare = prose.indexOf('-') >= 0 ? BARE_DATE.exec(prose) : null;
  if (bare) {
    const before = prose.slice(0, bare.index).trimEnd();
    const after = trimEndChars(prose.slice(bare.index + bare[0].length), '\\s)]*_.');
    if (!after || /[([,|–—]$/.test(before)) return readDeadline(bare[0], at(base, bare.index, bare[0]).span);
  }
  return undefined;
}

/** The item's link to an issue, PR or ticket: an issue URL if there is one, else `#12`, else a `[PR](…)` link's URL. Read from raw text. */
export function findTracking(raw: string, base: number): Located | undefined {
  // Each regex is run only when the text holds what it needs: `://`, `#`, `](`.
  const hasUrl = raw.indexOf('://') >= 0;
  URL.lastIndex = 0;
  for (let url = hasUrl ? URL.exec(raw) : null; url; url = URL.exec(raw)) {
    const path = ISSUE_PATH.exec(url[0]);
    if (path) return at(base, url.index, url[0].slice(0, path.index + path[0].length));
  }
  const ref = raw.indexOf('#') >= 0 ? ISSUE_REF.exec(raw) : null;
  if (ref) return at(base, ref.index, ref[0]);
  const word = hasUrl && raw.indexOf('](') >= 0 ? LINKED_WORD.exec(raw) : null;
  if (word && /^(?:pr|issue|ticket|bug|tracking|follow along)/i.test(word[1])) return at(base, word.index + word[0].indexOf(word[2]), word[2]);
  return undefined;
}

/** Reads a status cell. */
export function statusFromCell(value: string, span: Span): StatusMark {
  const read = readStatus(value);
  return { value, span, normalized: read.status, reason: read.reason };
}

/** A status marker inside an item's text (prose), or undefined. */
export function findStatus(prose: string, base: number): StatusMark | undefined {
  const found = readInlineStatus(prose);
  if (!found) return undefined;
  return { ...at(base, found.index, found.value), normalized: found.status, reason: found.reason };
}

/** What a group label says, apart from where it is: a period's text and last day, a status, a category. */
interface LabelFacts {
  category?: ActionItemCategory;
  status?: ActionItemStatus;
  period?: { value: string; end: string };
}

/**
 * LabelFacts by label text. The same headings and labels ("Action items", "Follow-ups", "**Immediate:**") recur
 * in almost every document, and reading one runs some ten regexes; the facts hold no position, so they are shared
 * and each group gets fresh objects. Emptied when full, so odd labels cannot make it grow without bound.
 */
const labelFacts = new Map<string, LabelFacts>();
const LABEL_FACTS_MAX = 1000;

function factsOf(label: string): LabelFacts {
  let facts = labelFacts.get(label);
  if (facts) return facts;
  facts = {};
  // A `(` or `](` after an unclosed one would end at the same `)`: skipping it keeps both scans linear.
  const category = readCategory(label.replace(/\((?<!\([^)]*?\()[^)]*\)/g, ''));
  if (category) facts.category = category;
  const status = readGroupStatus(label);
  if (status) facts.status = status;
  const plain = label.replace(/\]\((?<!\]\([^)]*?\]\()[^)]*\)/g, ']');
  const period = findPeriod(plain, false);
  if (period) facts.period = { value: plain.slice(period.index, period.index + period.length), end: period.end };
  if (labelFacts.size >= LABEL_FACTS_MAX) labelFacts.clear();
  labelFacts.set(label, facts);
  return facts;
}

/**
 * Describes a group from its heading or label. A time horizon ("Long-term (Q4 2025 - Q1 2026)") becomes the
 * deadline of every item in the group, ending on the last day of the last period named; relative horizons
 * ("next 2 weeks", "Short-term") are not dates and give none.
 */
export function describeGroup(label: string, span: Span, raw: string, rawBase: number, categoryAllowed: boolean, parent?: ActionItemGroup): ActionItemGroup {
  const group: ActionItemGroup = { label, span, parent };
  const { category, status, period } = factsOf(label);
  if (categoryAllowed) group.category = category;
  if (status) group.status = { value: label, span, normalized: status, inherited: true };
  if (period) group.deadline = { value: period.value, span, date: period.end, ongoing: false, invalid: false, period: true, inherited: true };
  const tracking = findTracking(raw, rawBase);
  if (tracking) group.tracking = tracking;
  return group;
}
