import * as fc from 'fast-check';

/**
 * fast-check arbitraries that assemble realistic postmortems from the pieces real ones are made of (front
 * matter, canonical headings, timeline tables and bullets, action-item tables and checklists, blame, code),
 * with random unicode and line-ending damage mixed in, so that properties are tested where the rules look.
 */

const HEADINGS = [
  'Summary', 'Impact', 'Timeline', 'Root Cause', 'Contributing Factors', 'Detection', 'Resolution',
  'Action Items', 'Lessons Learned', 'What went well', 'What went wrong', '5 Whys', 'Where we got lucky',
  'Follow-ups', 'Sign-off', 'Appendix', 'References', '14:05', '2026-01-08', 'Participants',
];

const PROSE = [
  'Checkout was slow for 45 minutes.', 'The developer forgot to run the migration.', 'Dave should have checked the dashboard.',
  'Human error caused the outage.', 'Improve monitoring.', 'TBD', '<fill in>', 'If we had alerted on lag, we would have caught it.',
  'password=hunter2', 'AKIAIOSFODNN7EXAMPLE', 'Customer data was exposed to acme.com users.', 'Why? Because the pool was full.',
  'See [the dashboard](https://grafana.example.com/d/abc).', '`SELECT * FROM orders`', '<!-- pm-lint-disable PM030 -->', '**Severity:** P1',
  '**Duration:** 4h 30m', '**Status:** Resolved', 'Detected at 14:07 UTC by an alert.', 'Resolved at 15:10.',
];

const UNICODE = ['é', '中文', '🔥', '\u200b', '\uFEFF', 'ﬁ', 'ǅ', '\u0301', '\uD83D', '\t', '|', '\\|', '`', '\u2028', '\u00a0'];

const word = fc.constantFrom(...PROSE);
const noise = fc.constantFrom(...UNICODE);
const time = fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
const date = fc.tuple(fc.integer({ min: 2019, max: 2027 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 32 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const sentence = fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: noise }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const frontMatter = fc.record({
  id: fc.constantFrom('INC-2026-01-08', 'INC-1', '', '[a, b]', '"INC-7"'),
  date,
  severity: fc.constantFrom('P0', 'P1', 'SEV2', 'high', '9', ''),
  extra: fc.constantFrom('', 'status: draft\n', 'tags: [db, api]\n', 'owner: @dave\n', 'incident_id: dup\n', '? [a, b]\n: c\n', 'a: &x [1]\nb: *x\n'),
  closed: fc.boolean(),
}).map((f) => `---\nincident_id: ${f.id}\ndate: ${f.date}\nseverity: ${f.severity}\n${f.extra}${f.closed ? '---\n' : ''}`);

const timelineTable = fc.array(fc.tuple(fc.oneof(time, date.map((d) => `${d} 14:05`), fc.constant('--:--'), fc.constant('')), sentence), { maxLength: 6 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.boolean()).map(([rs, ragged]) =>
    ['| Time | Event |', '|---|:--|', ...rs.map(([t, e], i) => (ragged && i % 2 ? `| ${t} | ${e} | extra |` : `| ${t} | ${e} |`))].join('\n')));

const timelineBullets = fc.array(fc.tuple(time, sentence), { maxLength: 6 }).map((rows) => rows.map(([t, e]) => `- ${t} UTC ${e}`).join('\n'));

const actionTable = fc.array(fc.tuple(sentence, fc.constantFrom('@dave', 'SRE', '', 'TBD'), fc.oneof(date, fc.constant('')), fc.constantFrom('📅 Planned', 'Done', '✅', '', 'Blocked')), { maxLength: 5 })
  .map((rows) => ['| Action Item | Owner | Deadline | Status |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));

const checklist = fc.array(fc.tuple(fc.boolean(), sentence, fc.constantFrom('@dave', '@sre-team', ''), fc.oneof(date.map((d) => `due:${d}`), fc.constant(''))), { maxLength: 5 })
  .map((rows) => rows.map(([done, text, owner, due]) => `- [${done ? 'x' : ' '}] ${text} ${owner} ${due}`.trimEnd()).join('\n'));

const codeBlock = fc.tuple(fc.constantFrom('```', '~~~', '````'), sentence, fc.boolean()).map(([fence, body, closed]) => `${fence}sh\n${body}\n${closed ? fence : ''}`);

const block = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: timelineTable },
  { weight: 1, arbitrary: timelineBullets },
  { weight: 2, arbitrary: actionTable },
  { weight: 2, arbitrary: checklist },
  { weight: 1, arbitrary: codeBlock },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
);

const section = fc.tuple(fc.constantFrom('##', '###', '#'), fc.constantFrom(...HEADINGS), fc.array(block, { maxLength: 3 }))
  .map(([level, heading, blocks]) => [`${level} ${heading}`, ...blocks].join('\n\n'));

/** Line endings a document may end up with: LF, CRLF, lone CR or a mix. */
export const lineEnding = fc.constantFrom<'lf' | 'crlf' | 'cr' | 'mixed'>('lf', 'crlf', 'crlf', 'cr', 'mixed');

/** Rewrites a text's line breaks. */
export function withLineEndings(text: string, kind: 'lf' | 'crlf' | 'cr' | 'mixed'): string {
  if (kind === 'lf') return text;
  let i = 0;
  const breaks = { crlf: ['\r\n'], cr: ['\r'], mixed: ['\n', '\r\n', '\r'] }[kind];
  return text.replace(/\r\n|\r|\n/g, () => breaks[i++ % breaks.length]);
}

/** A whole generated postmortem. */
export const postmortem: fc.Arbitrary<string> = fc
  .tuple(fc.option(frontMatter, { nil: '' }), fc.constantFrom('# Postmortem: Checkout latency', '# Incident Report 2026-01-08', '# Notes'), fc.array(section, { maxLength: 7 }), lineEnding)
  .map(([fm, title, sections, eol]) => withLineEndings([`${fm}${title}`, ...sections].join('\n\n') + '\n', eol));

/** One random edit of a text: an insertion, a deletion or a line-ending change at some place. */
const mutation = fc.oneof(
  fc.tuple(fc.nat(), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r', '\r\n', '|', '---\n', '```', '- [ ] ', '# ', '\uD800'))).map(([at, s]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(([at, n]) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  }),
  lineEnding.map((kind) => (t: string) => withLineEndings(t, kind)),
);

/** A text changed by a few random edits. */
export function mutated(texts: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([t, ms]) => ms.reduce((acc, m) => m(acc), t));
}
