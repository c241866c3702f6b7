import { findDate, parseIsoDate } from './dates';
import type { Span } from './lineIndex';
import type { Deadline } from './types';

/** Values that fill a deadline cell without giving one. */
const PLACEHOLDER = /^(?:-+|—|–|\?+|tb[cd a]|tbd\.?|to be (?:decided|determined|confirmed)|n\/?a|none|unknown|todo|yyyy-mm-dd|\[?date\]?|\{[^}]*\}|\[[^\]]*\])?$/i;
const ONGOING = /^(?:ongoing|continuous|continual|recurring|permanent|n\/a \(ongoing\))$/i;
/** Looks like a numeric Y-M-D date, real or not ("20202-01-16", "2026-02-30"). */
const DATE_SHAPE = /^\d{4,5}[-/.]\d{1,2}[-/.]\d{1,2}$/;

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `Q1 2026`, `H2 2025`, `March 2026`, `2026-03`, `FY2026`, `2026`; `(?:end of )?` is allowed before. */
const PERIOD = /\b(?:(q[1-4]|h[12])[\s/-]?(\d{4})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})|(\d{4})-(\d{2})(?![\d-])|(?:fy\s?)?(\d{4}))\b/gi;

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function endOfMonth(year: number, month: number): string {
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** A period found in text, with the ISO date of its last day. */
export interface FoundPeriod {
  end: string;
  index: number;
  length: number;
}

/** Reads one period match; undefined for implausible years and months. */
function periodEnd(m: RegExpExecArray): string | undefined {
  if (m[1]) {
    const year = Number(m[2]);
    const kind = m[1][0].toLowerCase();
    const n = Number(m[1][1]);
    return endOfMonth(year, kind === 'q' ? n * 3 : n * 6);
  }
  if (m[3]) return endOfMonth(Number(m[4]), MONTH_NAMES.indexOf(m[3].toLowerCase()) + 1);
  if (m[5]) {
    const month = Number(m[6]);
    return month >= 1 && month <= 12 ? endOfMonth(Number(m[5]), month) : undefined;
  }
  const year = Number(m[7]);
  return year >= 2000 && year <= 2100 ? iso(year, 12, 31) : undefined;
}

/**
 * Finds the last period named in `text` (`Q4 2025 - Q1 2026` ends with Q1 2026). Bare years only count when
 * `allowYear` is set: headings often carry a year that is not a horizon ("Action items 2024 review").
 */
export function findPeriod(text: string, allowYear: boolean): FoundPeriod | undefined {
  let found: FoundPeriod | undefined;
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    if (m[7] && !allowYear) continue;
    const end = periodEnd(m);
    if (end) found = { end, index: m.index, length: m[0].length };
  }
  return found;
}

/** Reads a deadline value (a cell, or what follows `due:`); an empty value gives a placeholder deadline. */
export function readDeadline(value: string, span: Span): Deadline {
  const text = value.replace(/[*_`~]/g, '').replace(/^📅\s*/u, '').trim();
  // Filled in place rather than spread into a copy per outcome: a table of items reads one deadline per row.
  const deadline: Deadline = { value, span, ongoing: false, invalid: false };
  if (PLACEHOLDER.test(text)) {
    deadline.placeholder = true;
    return deadline;
  }
  if (ONGOING.test(text)) {
    deadline.ongoing = true;
    return deadline;
  }
  const date = parseIsoDate(isPaddedIsoShape(text) ? text : text.replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1'));
  if (date) {
    deadline.date = date;
    return deadline;
  }
  if (DATE_SHAPE.test(text)) {
    deadline.invalid = true;
    return deadline;
  }
  const spelled = findDate(text);
  if (spelled && spelled.length >= text.length - 4) {
    deadline.date = spelled.iso;
    return deadline;
  }
  const period = findPeriod(text, true);
  // Only a period and connecting words ("end of Q1 2026", "Q4 2025 - Q1 2026"): "Sprint 4 of 2026" is not one.
  PERIOD.lastIndex = 0;
  const rest = text.replace(PERIOD, '').replace(/\b(?:end|of|by|before|until|to|target|and)\b|[\s,:()–—-]/gi, '');
  if (period && !rest) {
    deadline.date = period.end;
    deadline.period = true;
  }
  return deadline;
}

const DIGIT_OFFSETS = [0, 1, 2, 3, 5, 6, 8, 9];

/** `dddd-dd-dd`, the usual deadline: slashes and one-digit parts, which readDeadline rewrites first, it has none. */
function isPaddedIsoShape(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const k of DIGIT_OFFSETS) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

