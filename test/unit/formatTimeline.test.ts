import * as assert from 'node:assert/strict';
import { padClockTimes } from '../../server/src/core/format/timelineOrder';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { assertInvariants, format } from './formatHelpers';

/** A document whose timeline is a `Time | Event` table with the given rows. */
function timeline(rows: string[], header = '| Time | Event |'): string {
  return ['# Incident', '', '## Timeline', '', header, '|---|---|', ...rows, '', '## Root cause', '', 'A bad config.', ''].join('\n');
}

/** The event column, in order, after formatting. */
function events(text: string): string[] {
  const doc = parsePostmortem(text);
  return (doc.timeline?.tables[0]?.rows ?? []).map((row) => row.cells[row.cells.length - 1].text);
}

function formatted(input: string, sortTimeline = true): string {
  const output = format(input, { sortTimeline });
  assertInvariants(input, output, { sortTimeline });
  return output;
}

describe('format: timeline times', () => {
  it('zero-pads one-digit hours and nothing else', () => {
    assert.equal(padClockTimes('9:05'), '09:05');
    assert.equal(padClockTimes('9:05 PM'), '09:05 PM');
    assert.equal(padClockTimes('Jan 17, 3:31 AM'), 'Jan 17, 03:31 AM');
    assert.equal(padClockTimes('2019-12-03 --:--'), '2019-12-03 --:--');
    assert.equal(padClockTimes('12:00'), '12:00');
    assert.equal(padClockTimes('1:30:00'), '01:30:00');
    assert.equal(padClockTimes('10:05:30'), '10:05:30');
    assert.equal(padClockTimes('**9:05** UTC'), '**09:05** UTC');
  });

  it('pads the time column of the timeline table only', () => {
    const out = formatted(
      [
        '## Timeline',
        '',
        '| Time | Event |',
        '|---|---|',
        '| 9:05 | Paged at 9:05 |',
        '| 9:30 PM | Fixed |',
        '',
        '## Impact',
        '',
        '| Time | Note |',
        '|---|---|',
        '| 9:05 | outside the timeline |',
        '',
      ].join('\n'),
      false,
    );
    assert.match(out, /\| 09:05 {4}\| Paged at 9:05 \|/);
    assert.match(out, /\| 09:30 PM \| Fixed {9}\|/);
    assert.match(out, /\| 9:05 \| outside the timeline \|/);
  });
});

describe('format: timeline order', () => {
  it('sorts rows chronologically, stably', () => {
    const out = formatted(timeline(['| 10:15 | c |', '| 10:00 | a |', '| 10:15 | d |', '| 10:05 | b |']));
    assert.deepEqual(events(out), ['a', 'b', 'c', 'd']);
  });

  it('leaves the order alone without sortTimeline', () => {
    const out = formatted(timeline(['| 10:15 | c |', '| 10:00 | a |']), false);
    assert.deepEqual(events(out), ['c', 'a']);
  });

  it('keeps a single roll-over past midnight as it is', () => {
    const input = timeline(['| 22:47 | a |', '| 23:45 | b |', '| 00:30 | c |', '| 03:15 | d |']);
    const out = formatted(input);
    assert.deepEqual(events(out), ['a', 'b', 'c', 'd']);
  });

  it('sorts within each side of midnight', () => {
    const out = formatted(timeline(['| 23:45 | b |', '| 22:47 | a |', '| 03:15 | d |', '| 00:30 | c |']));
    assert.deepEqual(events(out), ['a', 'b', 'c', 'd']);
  });

  it('uses the row dates when present', () => {
    const out = formatted(
      timeline(['| 2019-11-30 08:24 | b |', '| 2019-11-29 12:00 | a |', '| 2019-12-02 04:30 | d |', '| 2019-11-30 09:00 | c |'], '| Date and Time in CET | Event |'),
    );
    assert.deepEqual(events(out), ['a', 'b', 'c', 'd']);
  });

  it('reads a separate date column', () => {
    const out = formatted(timeline(['| 2024-05-13 | 01:00 | b |', '| 2024-05-12 | 23:00 | a |'], '| Date | Time | Event |').replace('|---|---|', '|---|---|---|'));
    assert.deepEqual(events(out), ['a', 'b']);
  });

  it('reads 12-hour times and yearless dates (PostHog)', () => {
    const out = formatted(timeline(['| Jan 16, 12:52 PM | b |', '| Jan 15, 5:33 PM | a |', '| Jan 17, 3:31 AM | c |', '| Jan 16, 12:52 AM | a2 |'], '| Time (UTC) | Event |'));
    assert.deepEqual(events(out), ['a', 'a2', 'b', 'c']);
    assert.match(out, /\| Jan 15, 05:33 PM \| a /);
  });

  it('moves a row whose time cannot be read together with the row above it', () => {
    const out = formatted(
      timeline(['| Earlier that week | context |', '| 2019-12-04 03:00 | c |', '| 2019-12-03 --:-- | c2 |', '| 2019-12-02 04:30 | a |', '| TBD | a2 |', '| 2019-12-03 09:00 | b |']),
    );
    assert.deepEqual(events(out), ['context', 'a', 'a2', 'b', 'c', 'c2']);
  });

  it('never reorders rows with a malformed date (20202-01-16)', () => {
    const rows = ['| 20202-01-17 12:00 | b |', '| 20202-01-16 12:00 | a |', '| 20202-01-16 09:00 | z |'];
    assert.deepEqual(events(formatted(timeline(rows))), ['b', 'a', 'z']);
  });

  it('never sorts a table that is not the timeline', () => {
    const input = [
      '## Timeline',
      '',
      '| Service | Owner |',
      '|---|---|',
      '| web 10:00 | b |',
      '| api | a |',
      '',
      '## Action items',
      '',
      '| Time | Action |',
      '|---|---|',
      '| 10:00 | b |',
      '| 09:00 | a |',
      '',
    ].join('\n');
    const out = formatted(input);
    assert.match(out, /\| 10:00 \| b {6}\|\n\| 09:00 \| a {6}\|/);
    assert.match(out, /\| web 10:00 \| b {5}\|\n\| api {7}\| a {5}\|/);
  });

  it('sorts a 20,000-row timeline correctly', function () {
    // A correctness test on a big input, not a timing one (the benchmark times it): room for a loaded machine.
    this.timeout(30_000);
    const count = 20_000;
    const rows: string[] = [];
    // Minutes over two weeks, written in a scrambled but reproducible order.
    for (let i = 0; i < count; i++) {
      const n = (i * 7919) % count;
      const day = 1 + Math.floor(n / 1440);
      const minutes = n % 1440;
      const time = `${String(Math.floor(minutes / 60))}:${String(minutes % 60).padStart(2, '0')}`;
      rows.push(`| 2024-03-${String(day).padStart(2, '0')} ${time} | event ${n} |`);
    }
    const input = timeline(rows);
    const out = formatted(input);
    const got = events(out);
    assert.equal(got.length, count);
    got.forEach((text, i) => assert.equal(text, `event ${i}`));
    const lines = out.split('\n');
    const first = lines.indexOf(lines.find((l) => l.includes('event 0 ')) as string);
    assert.equal(lines[first], `| 2024-03-01 00:00 | event 0${' '.repeat('event 19999'.length - 'event 0'.length)} |`);
  });
});
