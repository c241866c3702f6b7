import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { daysBetween, findClockTime, findDate, isRealDate, type ClockTime, type FoundDate, type ReferenceDate } from '../../server/src/core/model/dates';

/*
 * findClockTime and findDate look for candidates before running their regexes, and findClockTime reads the
 * first part of a time itself. They must give what the plain regex versions gave: below is a copy of those
 * (dates.ts before the change), compared with the real ones on texts built from the pieces times and dates
 * are made of.
 */

const ZONES = 'UTC|GMT|Z|CET|CEST|EET|EEST|WET|WEST|BST|IST|PST|PDT|MST|MDT|CST|CDT|EST|EDT|AEST|AEDT|JST|KST|SGT|HKT|NZST|NZDT';
/**
 * `22:47`, `9:05 PM`, `08:52PM`, `22:47:10`, `22.47`, with an optional zone or UTC offset after it. A bare offset
 * must be `+hh:mm`, or `-hh:mm` after seconds: `13:30-13:45` is a range, not a time at offset -13:45.
 */
const TIME = new RegExp(
  `(?<![\\d:.])(\\d{1,2})([:.])(\\d{2})(:\\d{2})?(?!\\d|[.:]\\d)(?:\\s?([ap]\\.?m\\.?)(?![a-z]))?(?:\\s?\\(?((?:${ZONES})(?:[+-]\\d{1,2}(?::?\\d{2})?)?|\\+\\d{2}:?\\d{2})\\)?(?![a-z])|(?<=:\\d{2}:\\d{2})(-\\d{2}:?\\d{2})(?![\\d:]))?`,
  'gi',
);

function oldFindClockTime(text: string): ClockTime | undefined {
  // Every time has a `:` or `.` between its hours and minutes.
  if (text.indexOf(':') < 0 && text.indexOf('.') < 0) return undefined;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const found = readClock(m);
    if (found) return found;
  }
  return undefined;
}

function readClock(m: RegExpExecArray): ClockTime | undefined {
  let hours = digitsValue(m[1]);
  const minutes = digitsValue(m[3]);
  const meridiem = m[5]?.toLowerCase().replace(/\./g, '');
  const zone = (m[6] ?? m[7])?.toUpperCase();
  // `1.15` is a version far more often than a time: a dot needs a two-digit hour or a meridiem or zone after it.
  if (m[2] === '.' && m[1].length < 2 && !meridiem && !zone) return undefined;
  if (minutes > 59) return undefined;
  if (meridiem) {
    // "13:55 PM" occurs in real templates: a 24h hour with a stray meridiem is read as 24h.
    if (hours === 0 || hours > 12) {
      if (hours > 23) return undefined;
    } else {
      hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
    }
  } else if (hours > 23) {
    return undefined;
  }
  return { minutes: hours * 60 + minutes, clock: meridiem ? '12h' : '24h', index: m.index, length: m[0].length, zone };
}

/** The value of a run of ASCII digits (what `\d` matches): Number() takes longer, and a clock is read for every timeline entry. */
function digitsValue(digits: string): number {
  let value = 0;
  for (let k = 0; k < digits.length; k++) value = value * 10 + (digits.charCodeAt(k) - 48);
  return value;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month name or its abbreviation, and nothing longer: "Separate" is not September. */
const MONTH_WORDS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_NAME = `(${MONTH_WORDS})`;
/** A month name, not the start of a longer word, with an optional abbreviation dot. */
const MONTH = `${MONTH_NAME}(?![a-z])\\.?`;
const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Year, month, day; the year is 0 when the text does not say it. Several readings when the order is ambiguous. */
type DateParts = [number, number, number];

/** Which patterns need a month name: they are skipped when no month's first three letters occur in the text. */
const DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => DateParts[]; named?: true }[] = [
  { pattern: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, read: (m) => [[Number(m[1]), Number(m[2]), Number(m[3])]] },
  { pattern: /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/, read: (m) => [[Number(m[1]), Number(m[2]), Number(m[3])]] },
  {
    // `June 14th, 2022`, `Feb 20 2018`, `January 14-19, 2026` (a range: its first day).
    named: true,
    pattern: new RegExp(`(?<![a-z])${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:\\s?[-–]\\s?\\d{1,2})?,? (\\d{4})(?!\\d)`, 'i'),
    read: (m) => [[Number(m[3]), month(m[1]), Number(m[2])]],
  },
  {
    named: true,
    pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.? ${MONTH_NAME}\\.?,? (\\d{4})(?!\\d)`, 'i'),
    read: (m) => [[Number(m[3]), month(m[2]), Number(m[1])]],
  },
  {
    // `07-27-2023`, `4/21/23`, `24/07/25`: month first (US) or day first, whichever is a real date.
    pattern: /(?<![\d/.-])(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/,
    read: (m) => numericReadings(Number(m[1]), Number(m[3]), fullYear(m[4])),
  },
  {
    pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/,
    read: (m) => [[Number(m[3]), Number(m[2]), Number(m[1])]],
  },
  // Dates without a year: only read when the caller gives a reference date to take the year from.
  {
    named: true,
    pattern: new RegExp(`(?<![a-z])${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`, 'i'),
    read: (m) => [[0, month(m[1]), Number(m[2])]],
  },
  {
    named: true,
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?\\.? ${MONTH}`, 'i'),
    read: (m) => [[0, month(m[2]), Number(m[1])]],
  },
  {
    // `[03-26 17:40]`: a bare month-day pair only counts right before a clock time.
    pattern: /(?<![\d/.-])(\d{1,2})([-/])(\d{1,2})(?=\s+\d{1,2}:\d{2})/,
    read: (m) => numericReadings(Number(m[1]), Number(m[3]), 0),
  },
];

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function numericReadings(first: number, second: number, year: number): DateParts[] {
  return [
    [year, first, second],
    [year, second, first],
  ];
}

const HAS_DIGIT = /\d/;
const MONTH_HINT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
/**
 * A month name standing as a word, as every month-name pattern has it. Tested only after MONTH_HINT (a quicker
 * scan): "declared", "primary" or "market" hold no month, and such words are common in timeline lines.
 */
const MONTH_WORD = new RegExp(`(?<![a-z])(?:${MONTH_WORDS})(?![a-z])`, 'i');
/** Every pattern without a month name has two numbers joined by `-`, `/` or `.`: without one, only the named ones can match. */
const NUMERIC_HINT = /\d[-/.]\d/;

/**
 * Finds the first calendar date in `text`: ISO, `YYYY/MM/DD`, `June 14th, 2022`, `14 June 2022`, `07-27-2023`,
 * `4/21/23`. With a reference ISO date it also reads dates without a year (`May 12`, `19. April`, `[03-26 17:40]`),
 * taking the year that puts them nearest the reference. Numeric dates are read month first (`04/05/23` is April 5th)
 * unless only the day-first reading is a real date (`24/07/25`).
 */
function oldFindDate(text: string, reference?: ReferenceDate): FoundDate | undefined {
  // Every date has a digit, and the month-name patterns (the slowest: an alternation tried at every
  // position) need a month: most lines of a postmortem have neither, and this runs on every timeline line.
  // The other patterns need two numbers joined by a separator, which a line with only clock times lacks.
  if (!HAS_DIGIT.test(text)) return undefined;
  const numeric = NUMERIC_HINT.test(text);
  const named = MONTH_HINT.test(text) && MONTH_WORD.test(text);
  if (!numeric && !named) return undefined;
  let best: FoundDate | undefined;
  for (const { pattern, read, named: needsMonth } of DATE_PATTERNS) {
    // A date at the very start is the first: no other pattern can find one before it.
    if (best?.index === 0) break;
    if (needsMonth ? !named : !numeric) continue;
    const m = pattern.exec(text);
    if (!m || (best && best.index <= m.index)) continue;
    const date = pickReading(read(m), reference);
    if (!date) continue;
    best = { iso: date.iso, index: m.index, length: m[0].length };
    // Set after the literal, not spread into it: a spread makes building the object many times slower.
    if (date.yearInferred) best.yearInferred = true;
  }
  return best;
}

function pickReading(readings: DateParts[], referenceDate: ReferenceDate | undefined): { iso: string; yearInferred: boolean } | undefined {
  let reference: string | undefined;
  let resolved = false;
  // Readings come in order of preference (month first, then day first); the first real one wins.
  for (const [year, m, d] of readings) {
    if (year > 0) {
      if (isRealDate(year, m, d)) return { iso: toIso(year, m, d), yearInferred: false };
      continue;
    }
    if (!resolved) {
      reference = typeof referenceDate === 'function' ? referenceDate() : referenceDate;
      resolved = true;
    }
    if (!reference) continue;
    const refYear = Number(reference.slice(0, 4));
    let best: { iso: string; distance: number } | undefined;
    for (const y of [refYear - 1, refYear, refYear + 1]) {
      if (!isRealDate(y, m, d)) continue;
      const iso = toIso(y, m, d);
      const distance = Math.abs(daysBetween(reference, iso));
      if (!best || distance < best.distance) best = { iso, distance };
    }
    if (best) return { iso: best.iso, yearInferred: true };
  }
  return undefined;
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}


/** Pieces of times: digits, separators, meridiems, zones and offsets, spaces of several kinds, brackets, letters. */
const CLOCK_PIECES = [
  '0', '1', '2', '5', '9', '00', '07', '12', '13', '23', '24', '30', '59', '60', '99', '123',
  ':', ':', '.', '.', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2009',
  'am', 'AM', 'pm', 'PM', 'a.m.', 'p.m.', 'P.M', 'a', 'p', 'm', 'A', 'P',
  'UTC', 'utc', 'Z', 'z', 'GMT', 'EST', 'est', 'CEST', 'AEST', 'NZDT', 'PT', 'UTC+2', 'UTC-05:30', 'GMT+1', 'CET+0100',
  '+05:30', '+0530', '+5', '-07:00', '-0700', '-', '+',
  '(', ')', '[', ']', '*', '|', ',', '?', '~', '_', '/',
  'x', 'e', 'r', 'T', 'Zulu', 'ish', 'é',
];
/** Pieces of dates: numbers and years, separators, month names and words that start like them, ordinals, spaces. */
const DATE_PIECES = [
  '1', '3', '4', '07', '11', '12', '13', '14', '17', '23', '28', '29', '30', '31', '40', '2024', '1999', '2000', '0012', '20202',
  '-', '-', '/', '/', '.', '.', ',', ', ', '–', ':', ' ', ' ', ' ', '  ', '\t', '\u00a0',
  'Jan', 'jan', 'January', 'FEB', 'Mar', 'march', 'Apr', 'May', 'may', 'June', 'jul', 'July', 'Aug', 'Sep', 'Sept', 'September',
  'oct', 'Nov', 'December', 'dec', 'declared', 'Separate', 'primary', 'mayday', 'x', 'e', '_', '[', ']', '(',
  'st', 'nd', 'rd', 'th', '1st', '2nd', '14th',
];
const REFERENCES: ReferenceDate[] = ['2024-03-15', '2000-02-29', '1999-12-31', () => '2023-01-02', () => undefined];

function textOf(pieces: string[], maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));
}

/** A number as dates write them: a day or month (with or without a leading zero), a short or a long year. */
const dateNumber = fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.integer({ min: 0, max: 13 }).map((n) => String(n).padStart(2, '0')), fc.constantFrom('2024', '1999', '23', '0012'));
const dateSeparator = fc.constantFrom('-', '/', '.', ' ', '-');
/** Three (or two) numbers joined, as numeric dates are: `2024-03-15`, `4/21/23`, `29.11.2019`, `03-26`. */
const numericDate = fc
  .tuple(dateNumber, dateSeparator, dateNumber, fc.option(fc.tuple(dateSeparator, dateNumber), { nil: undefined }))
  .map(([a, s, b, rest]) => `${a}${s}${b}${rest ? rest.join('') : ''}`);
const monthName = fc.constantFrom('Jan', 'january', 'FEB', 'Mar', 'Apr', 'May', 'June', 'jul', 'Aug', 'Sept', 'September', 'oct', 'Nov', 'dec', 'Decem');
const ordinal = fc.constantFrom('', '', 'st', 'nd', 'th', 'rd');
/** A month name with a day, either way round, maybe a year: `June 14th, 2022`, `14. June`, `Feb 20 2018`. */
const namedDate = fc
  .tuple(fc.boolean(), monthName, fc.constantFrom('', '.'), dateNumber, ordinal, fc.constantFrom('', ',', ' -15,', ' – 9'), fc.constantFrom('', ' ', ' 2024', ' 1999', ' 23'))
  .map(([monthFirst, name, dot, day, ord, comma, year]) => (monthFirst ? `${name}${dot} ${day}${ord}${comma}${year}` : `${day}${ord}${dot} ${name}${comma}${year}`));
/** Texts of date pieces, with whole numeric and named dates among them (pieces alone seldom make one). */
const dateText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...DATE_PIECES), weight: 4 }, { arbitrary: numericDate, weight: 1 }, { arbitrary: namedDate, weight: 1 }), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('clock and date scans agree with the plain regexes', function () {
  this.timeout(300_000);

  it('findClockTime finds what the global TIME regex and readClock found', () => {
    const cases = [
      '22:47', '9:05 PM', '08:52PM', '22:47:10', '22.47', '1.15', '1.15 12:30', 'v1.2.3 at 9.30', '25:00 UTC+05:30', '12:75 +05:30',
      '13:30-13:45', '12:34:56-07:00', '12:34:56 -07:00', '9:05 p.m. (EST)', '14:02 Z', '14:02:', '14:02.5', '123:45', '1:2:34',
      '13:55 PM', '00:10 am', '(14:02 UTC)', '**21:07 UTC** - alert', '19:07: The pooler', '9.05am', '10.30 CET', '10.30CEST+2',
      '14:02\tUTC', '14:02\u00a0UTC', '14:02  UTC', '14:02 (UTC)', '14:02 Utc', '14:02 utcx', '14:02 amber', '1:00 a.m.x',
    ];
    for (const text of cases) assert.deepEqual(findClockTime(text), oldFindClockTime(text), JSON.stringify(text));
    fc.assert(
      fc.property(textOf(CLOCK_PIECES, 16), (text) => {
        assert.deepEqual(findClockTime(text), oldFindClockTime(text), JSON.stringify(text));
      }),
      { seed: 20261129, numRuns: 300_000 },
    );
  });

  it('findDate finds what every date pattern found', () => {
    const cases = [
      '2024-03-15', '2024/3/5', 'June 14th, 2022', 'Feb 20 2018', 'January 14-19, 2026', '14 June 2022', '07-27-2023', '4/21/23',
      '24/07/25', '29.11.2019', 'May 12', '19. April', '[03-26 17:40]', 'declared at 14:02', '2019-01-02 13:00', 'Sept. 3', 'sep 31',
      '_June 14 2022', '4jun 2022', 'x 3 mayday', '1st. Dec', '2024-02-30 or 2024-02-29', 'v1.2.3', '20202-01-16',
    ];
    for (const text of cases) {
      for (const reference of REFERENCES) assert.deepEqual(findDate(text, reference), oldFindDate(text, reference), JSON.stringify(text));
    }
    fc.assert(
      fc.property(dateText, fc.constantFrom(undefined, ...REFERENCES), (text, reference) => {
        assert.deepEqual(findDate(text, reference), oldFindDate(text, reference), JSON.stringify(text));
      }),
      { seed: 20261129, numRuns: 300_000 },
    );
  });
});
