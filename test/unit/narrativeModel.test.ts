import * as assert from 'node:assert/strict';
import { findOrderBreaks } from '../../server/src/core/model/chronology';
import { findClockTime, findDate } from '../../server/src/core/model/dates';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { findPersonCause } from '../../server/src/core/model/personCause';
import { rootCauseStatement } from '../../server/src/core/model/rootCause';
import { readSummary } from '../../server/src/core/model/summary';

describe('dates: clock times', () => {
  it('reads 12h, 24h, zones and offsets', () => {
    assert.deepEqual(findClockTime('04:49 PM UTC site down'), { minutes: 16 * 60 + 49, clock: '12h', index: 0, length: 12, zone: 'UTC' });
    assert.equal(findClockTime('11:39AM')?.minutes, 11 * 60 + 39);
    assert.equal(findClockTime('22:47:10-07:00')?.zone, '-07:00');
    assert.equal(findClockTime('13:55 PM')?.minutes, 13 * 60 + 55);
  });

  it('reads a range as its start, not as a UTC offset', () => {
    const time = findClockTime('~13:30-13:45');
    assert.equal(time?.minutes, 13 * 60 + 30);
    assert.equal(time?.zone, undefined);
  });

  it('reads no time from placeholders and version numbers', () => {
    for (const text of ['2X:XX (not sure exact time)', '--:--', '[???]', 'HH:mm', 'Version 1.14.3', '1.15 code freeze']) {
      assert.equal(findClockTime(text), undefined, text);
    }
  });
});

describe('dates: calendar dates', () => {
  it('reads US numeric dates and day-first ones when month-first is impossible', () => {
    assert.equal(findDate('07-27-2023 2:14 pm')?.iso, '2023-07-27');
    assert.equal(findDate('_4/24/23_')?.iso, '2023-04-24');
    assert.equal(findDate('24/07/25')?.iso, '2025-07-24');
    assert.equal(findDate('January 14-19, 2026')?.iso, '2026-01-14');
  });

  it('reads dates without a year only with a reference, taking the nearest year', () => {
    assert.equal(findDate('## May 12'), undefined);
    assert.deepEqual(findDate('## May 12', '2025-05-12'), { iso: '2025-05-12', index: 3, length: 6, yearInferred: true });
    assert.equal(findDate('19. April, 11:00', '2018-04-18')?.iso, '2018-04-19');
    assert.equal(findDate('[12-05 16:21]', '2019-03-26')?.iso, '2018-12-05');
    assert.equal(findDate('Jan 2', '2019-12-28')?.iso, '2020-01-02');
  });

  it('does not read words that start like a month', () => {
    assert.equal(findDate('5 separate pods', '2020-01-01'), undefined);
    assert.equal(findDate('Decided 12 times', '2020-01-01'), undefined);
  });
});

describe('timeline reader', () => {
  it('takes the year of day headings from the title and carries days down', () => {
    const doc = parsePostmortem('# Incident May 12 2025\n\n## Timeline\n\n_All times in EEST_\n\n## May 12\n\n### 23:00\n\nx\n\n### 00:40\n\ny\n\n## May 13\n\n### 14:30\n\nz\n');
    const timeline = doc.timeline;
    assert.equal(timeline?.zone, 'EEST');
    assert.deepEqual(timeline?.entries.map((e) => [e.minutes, e.date, e.dateFrom]), [
      [23 * 60, '2025-05-12', 'day'],
      [40, '2025-05-12', 'day'],
      [14 * 60 + 30, '2025-05-13', 'day'],
    ]);
    assert.deepEqual(findOrderBreaks(timeline?.entries ?? []), []);
  });

  it('marks guessed times and ignores narrative times', () => {
    const doc = parsePostmortem('# T\n\n## Timeline\n\n### ~13:30-13:45\n\nstart\n\n### 22:52 (maybe earlier?)\n\nx, peaking around 07:15.\n');
    assert.deepEqual(doc.timeline?.entries.map((e) => [e.rawTime, e.approximate ?? false]), [
      ['13:30', true],
      ['22:52', true],
    ]);
  });

  it('reads the zone from an "All times" line anywhere, even wrapped', () => {
    const doc = parsePostmortem('# T\n\nUnless otherwise noted all times are in\nUTC.\n\n## Timeline\n\n- 01:38: alert\n');
    assert.equal(doc.timeline?.zone, 'UTC');
  });

  it('reads each <br>-joined event of a line', () => {
    const doc = parsePostmortem('# T\n\n## Timeline\n\n### 2023-08-25\n\n15:27 - change<br> 21:14 - takes effect<br> 21:20 - alert\n');
    assert.deepEqual(doc.timeline?.entries.map((e) => e.minutes), [15 * 60 + 27, 21 * 60 + 14, 21 * 60 + 20]);
  });

  it('leaves a Causes subsection out of the timeline', () => {
    const doc = parsePostmortem('# T\n\n## Timeline\n\n- 09:00 UTC: a\n\n### Causes\n\n10:00 is not an event here.\n');
    assert.equal(doc.timeline?.entries.length, 1);
  });
});

describe('chronology', () => {
  const entries = (text: string) => parsePostmortem(text).timeline?.entries ?? [];

  it('reports a short step back once, on the later row', () => {
    const breaks = findOrderBreaks(entries('# T\n\n## Timeline\n\n- 14:29 a\n- 14:49 b\n- 14:43 c\n- 14:55 d\n'));
    assert.deepEqual(breaks.map((b) => [b.entry.rawTime, b.previous.rawTime, b.reason]), [['14:43', '14:49', 'time']]);
  });

  it('accepts a roll-over between undated times and a new day by date', () => {
    assert.deepEqual(findOrderBreaks(entries('# T\n\n## Timeline\n\n- 17:41 a\n- 23:55 b\n- 07:00 c\n- 2019-05-31 06:00 d\n')), []);
  });

  it('lets dates win: the same date going back in time is reported', () => {
    const breaks = findOrderBreaks(entries('# March 26th, 2019\n\n## Timeline\n\n- [03-26 23:04] a\n- [03-26 02:50] b\n'));
    assert.deepEqual(breaks.map((b) => b.reason), ['time']);
  });

  it('reports a second roll-over under one date', () => {
    const breaks = findOrderBreaks(entries('# T\n\n## Timeline\n\n### 2020-01-01\n\n- 20:00 a\n- 02:00 b\n- 23:00 c\n- 01:00 d\n'));
    assert.deepEqual(breaks.map((b) => b.reason), ['rollOver']);
  });
});

describe('five whys reader', () => {
  it('reads why-questions written as paragraphs inside list items', () => {
    const doc = parsePostmortem('# T\n\n## The Five Whys\n\n- It broke.\n\n  **Why did it break?**\n\n  - A bug.\n\n    **Why was there a bug?**\n\n    - No test.\n');
    assert.deepEqual(doc.fiveWhys?.whys.map((w) => [w.question, w.answer]), [
      ['Why did it break?', 'A bug.'],
      ['Why was there a bug?', 'No test.'],
    ]);
  });

  it('needs two questions to find a chain in a root-cause section', () => {
    assert.equal(parsePostmortem('# T\n\n## Root Cause\n\nWhy did it happen? The token was too broad.\n').fiveWhys, undefined);
  });
});

describe('summary, root cause and person causes', () => {
  it('counts words and jargon and finds the impact', () => {
    const doc = parsePostmortem('# T\n\n## Summary\n\nWrites failed for 20 minutes on `pg-01` at 10.0.4.17.\n');
    const summary = readSummary(doc);
    assert.equal(summary?.codeSpans.length, 1);
    assert.equal(summary?.hosts.length, 1);
    assert.ok(summary?.impact);
    assert.equal(summary?.words, 9);
  });

  it('finds a statement in the subsections of a root-cause section', () => {
    const doc = parsePostmortem('# T\n\n## Root cause analysis\n\n-------------------\n\n### Primary issue\n\nThe table ran out of identifiers.\n');
    assert.equal(rootCauseStatement(doc)?.value, 'The table ran out of identifiers.');
  });

  it('tells blame from a systemic cause', () => {
    assert.equal(findPersonCause('Human error.')?.found, 'Human error');
    assert.equal(findPersonCause('The developer didn\'t test the change.')?.found, "The developer didn't test");
    assert.equal(findPersonCause('No protection from human error.'), undefined);
    assert.equal(findPersonCause('The block validation did not check for negative coins.'), undefined);
  });
});

describe('narrative model robustness', () => {
  it('reads odd timestamps without throwing and parses a 200 KB timeline quickly', () => {
    const odd = ['[03-26 17:40]', '07-27-2023 2:14 pm', '--:--', '~13:30', '2X:XX (not sure exact time)', '[???]', '99:99', '13:55 PM', '0:00', '24:00'];
    const rows = Array.from({ length: 4000 }, (_, k) => `| ${odd[k % odd.length]} | event ${k} with some words |`);
    const text = `# Big 2024-01-01\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n${rows.join('\n')}\n`;
    const started = Date.now();
    const doc = parsePostmortem(text);
    findOrderBreaks(doc.timeline?.entries ?? []);
    assert.ok(Date.now() - started < 2000);
    assert.equal(doc.timeline?.entries.length, 4000);
    assert.ok(doc.timeline?.entries.every((e) => e.minutes === undefined || (e.minutes >= 0 && e.minutes < 1440)));
  });
});
