import * as assert from 'node:assert/strict';
import { describeHours, describeMinutes, instantOf, parseInstant, readIncidentStart, readPublished, zoneOffset } from '../../server/src/core/model/incidentTimes';
import { parsePostmortem } from '../../server/src/core/model/parse';

const minutes = (iso: string) => Date.parse(iso) / 60_000;

describe('incident times', () => {
  it('reads dates as whole days and date-times as moments', () => {
    assert.deepEqual(parseInstant('2025-12-15'), { earliest: minutes('2025-12-15T00:00:00Z'), latest: minutes('2025-12-15T23:59:00Z'), date: '2025-12-15', hasTime: false });
    assert.equal(parseInstant('2025-12-15T22:47:00Z')?.earliest, minutes('2025-12-15T22:47:00Z'));
    assert.equal(parseInstant('2025-12-15 22:47')?.earliest, minutes('2025-12-15T22:47:00Z'));
    assert.equal(parseInstant('2025-12-15T22:47+01:00')?.earliest, minutes('2025-12-15T21:47:00Z'));
    assert.equal(parseInstant('2025-12-15 22:47 PDT')?.earliest, minutes('2025-12-16T05:47:00Z'));
    assert.equal(parseInstant(new Date('2025-12-15T10:00:00Z'))?.earliest, minutes('2025-12-15T10:00:00Z'));
  });

  it('refuses what is not a real date or time', () => {
    for (const value of ['2025-02-30', '20202-01-16', '2025-12-15T25:00', 'soon', '', 42, null, true, new Date('nope')]) {
      assert.equal(parseInstant(value), undefined, String(value));
    }
  });

  it('knows the zone offsets postmortems write', () => {
    assert.equal(zoneOffset(undefined), 0);
    assert.equal(zoneOffset('UTC'), 0);
    assert.equal(zoneOffset('CEST'), 120);
    assert.equal(zoneOffset('UTC+1'), 60);
    assert.equal(zoneOffset('+0530'), 330);
    assert.equal(zoneOffset('-07:00'), -420);
    assert.equal(zoneOffset('XYZ'), 0);
  });

  it('finds the start: front matter start, then date, then the header fields', () => {
    const start = (text: string) => readIncidentStart(parsePostmortem(text))?.instant;
    assert.equal(start('---\ndate: 2025-12-15\nstart: 2025-12-15T22:47:00Z\n---\n# T\n')?.earliest, minutes('2025-12-15T22:47:00Z'));
    assert.equal(start('---\ndate: 2025-12-15\nstart: "22:47 CET"\n---\n# T\n')?.earliest, minutes('2025-12-15T21:47:00Z'));
    assert.equal(start('---\ndate: 2025-12-15\n---\n# T\n\n**Start Time:** 22:47 UTC\n')?.earliest, minutes('2025-12-15T22:47:00Z'));
    assert.equal(start('---\ndate: 2025-12-15\n---\n# T\n')?.hasTime, false);
    assert.equal(start('# T\n\n**Incident Date:** 2025-12-15\n**Start Time:** 22:47 UTC\n')?.earliest, minutes('2025-12-15T22:47:00Z'));
    assert.equal(start('# T\n\n## Summary\n\nDate/time: 2016-11-07 21:30<br>\n')?.earliest, minutes('2016-11-07T21:30:00Z'));
    assert.equal(start('# T\n\nNo dates here.\n'), undefined);
  });

  it('ignores Start Time fields below the header', () => {
    const doc = parsePostmortem('# T\n\n**Incident Date:** 2025-12-15\n\n## Timeline\n\n**Start Time:** 10:00 UTC\n');
    assert.equal(readIncidentStart(doc)?.instant.hasTime, false);
  });

  it('reads published only when it is a date', () => {
    assert.equal(readPublished(parsePostmortem('---\npublished: 2025-12-16\n---\n# T\n'))?.instant.date, '2025-12-16');
    assert.equal(readPublished(parsePostmortem('---\npublished: true\n---\n# T\n')), undefined);
    assert.equal(readPublished(parsePostmortem('# T\n')), undefined);
  });

  it('describes durations for messages', () => {
    assert.equal(describeMinutes(24 * 60 + 43), '24h 43min');
    assert.equal(describeMinutes(60), '1h');
    assert.equal(describeMinutes(5 * 1440 + 7), '5 days');
    assert.equal(describeHours(24), '24 hours');
    assert.equal(describeHours(72), '72 hours (3 days)');
    assert.equal(describeHours(1), '1 hour');
    assert.deepEqual(instantOf('2025-01-01', 0, 'UTC'), { earliest: minutes('2025-01-01T00:00:00Z'), latest: minutes('2025-01-01T00:00:00Z'), date: '2025-01-01', hasTime: true });
  });
});
