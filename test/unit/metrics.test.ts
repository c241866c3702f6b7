import * as assert from 'node:assert/strict';
import { completionRateBand, repeatRateBand, timeToPostmortemBand } from '../../server/src/core/metrics/bands';
import { computeMetrics } from '../../server/src/core/metrics/compute';
import { metricsInput } from '../../server/src/core/metrics/input';
import { monthsSpanned, periodsBetween } from '../../server/src/core/metrics/periods';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { loadWorkspace } from '../helpers/metrics';

const Q1 = { since: '2026-01-01', until: '2026-03-31', today: '2026-04-15' };

// The "quarter" workspace, by hand (today 2026-04-15):
//   2025-11-20 disk-full    P1  120 min  ttp 24h   Disk full…            (before Q1: history only)
//   2026-01-05 config-push  P0  268 min  ttp 22h   Configuration error in the load balancer; items done, inProgress(due 03-01, overdue), planned(due 02-01, overdue)
//   2026-01-20 config-flag  P1  105 min (23:30→01:15)  ttp 72h (dates only)  …load balancer rules → repeats config-push; items done, planned(due 05-01)
//   2026-02-10 disk         P1   45 min  ttp 11h   Disk full… → repeats 2025-11-20 (82 days); items blocked(due 03-01, overdue), done
//   2026-03-03 dns          P2   75 min  ttp 240h  repeat_of: INC-2025-019; no items
//   2026-03-20 no-duration  —   no duration, not published, no root cause; items planned(due 03-25, overdue)
//   undated                 no date: left out of everything
describe('metrics', () => {
  const inputs = loadWorkspace('quarter');

  describe('a quarter of the "quarter" workspace', () => {
    const m = computeMetrics(inputs, Q1);

    it('counts incidents and splits them by severity, most severe first', () => {
      assert.equal(m.incidents, 5);
      assert.deepEqual(Object.entries(m.bySeverity), [['P0', 1], ['P1', 2], ['P2', 1], ['unspecified', 1]]);
      assert.deepEqual(m.period, { since: '2026-01-01', until: '2026-03-31', months: 3, today: '2026-04-15', groupBy: 'month' });
      assert.equal(m.incidentsPerMonth, 5 / 3);
    });

    it('takes MTTR from front matter durations and midnight-aware header times', () => {
      // (268 + 105 + 45 + 75) / 4; median of 45, 75, 105, 268.
      assert.equal(m.mttrMinutes, 123.25);
      assert.equal(m.medianTtrMinutes, 90);
    });

    it('finds repeats by repeat_of and by the same root cause within 180 days', () => {
      assert.equal(m.repeatRate, 3 / 5);
      assert.deepEqual(m.repeats, [
        { uri: '2026-01-20-config-flag.md', of: 'INC-2026-001', why: 'rootCause' },
        { uri: '2026-02-10-disk.md', of: 'INC-2025-031', why: 'rootCause' },
        { uri: '2026-03-03-dns.md', of: 'INC-2025-019', why: 'repeat_of' },
      ]);
    });

    it('counts action items and overdue ones (blocked items count as open)', () => {
      assert.deepEqual(m.actionItems, { total: 8, done: 3, inProgress: 1, planned: 3, blocked: 1, wontDo: 0, unknown: 0, overdue: 4, completionRate: 3 / 8 });
    });

    it('measures time to postmortem in hours (whole days when a side has no time)', () => {
      // 22, 72, 11, 240 hours.
      assert.deepEqual(m.timeToPostmortemHours, { mean: 86.25, median: 47 });
    });

    it('ranks root causes, services and tags', () => {
      assert.deepEqual(m.topRootCauses, [
        { name: 'Configuration error in the load balancer', count: 2, uris: ['2026-01-05-config-push.md', '2026-01-20-config-flag.md'] },
        { name: 'Disk full on the database host', count: 1, uris: ['2026-02-10-disk.md'] },
        { name: 'Expired DNS certificate', count: 1, uris: ['2026-03-03-dns.md'] },
      ]);
      assert.deepEqual(m.mostAffectedServices.map((s) => [s.name, s.count]), [['api-gateway', 3], ['auth', 2], ['database', 1]]);
      assert.deepEqual(m.topTags.map((s) => [s.name, s.count]), [['config', 2], ['network', 2], ['storage', 1]]);
    });

    it('rates the figures on the guide\'s bands', () => {
      // 60% repeats, 37.5% done, median 47 hours.
      assert.deepEqual(m.ratings, { repeatRate: 'critical', completionRate: 'critical', timeToPostmortem: 'good' });
    });

    it('gives the figures per month', () => {
      assert.deepEqual(m.byPeriod.map((p) => [p.period, p.since, p.until, p.incidents, p.mttrMinutes, p.repeatRate, p.actionItems.total, p.actionItems.done, p.actionItems.overdue, p.timeToPostmortemHours.mean]), [
        ['2026-01', '2026-01-01', '2026-01-31', 2, 186.5, 0.5, 5, 2, 2, 47],
        ['2026-02', '2026-02-01', '2026-02-28', 1, 45, 1, 2, 1, 1, 11],
        ['2026-03', '2026-03-01', '2026-03-31', 2, 75, 0.5, 1, 0, 1, 240],
      ]);
      assert.deepEqual(m.byPeriod[0].bySeverity, { P0: 1, P1: 1 });
      assert.equal(m.byPeriod[2].actionItems.completionRate, 0);
      assert.deepEqual(m.byPeriod[1].uris, ['2026-02-10-disk.md']);
    });

    it('gives the figures per quarter', () => {
      const q = computeMetrics(inputs, { ...Q1, groupBy: 'quarter' });
      assert.deepEqual(q.byPeriod.map((p) => [p.period, p.since, p.until, p.incidents, p.mttrMinutes]), [['2026-Q1', '2026-01-01', '2026-03-31', 5, 123.25]]);
    });

    it('says which postmortems were left out of which figure, and why', () => {
      assert.deepEqual(m.excluded.map((e) => [e.uri, e.figure]), [
        ['undated.md', 'all'],
        ['2026-03-20-no-duration.md', 'mttr'],
        ['2026-03-20-no-duration.md', 'timeToPostmortem'],
        ['2026-03-20-no-duration.md', 'rootCause'],
      ]);
      assert.match(m.excluded[0].reason, /no incident date/);
      assert.match(m.excluded[1].reason, /no duration/);
      assert.match(m.excluded[2].reason, /not published/);
    });
  });

  it('spans the data when no period is given', () => {
    const m = computeMetrics(inputs, { today: '2026-04-15' });
    // 2025-11-20 .. 2026-03-20: November to March, 5 months, 6 dated incidents.
    assert.equal(m.incidents, 6);
    assert.equal(m.period.months, 5);
    assert.equal(m.incidentsPerMonth, 6 / 5);
    assert.equal(m.repeatRate, 3 / 6);
    assert.equal(m.mttrMinutes, (120 + 268 + 105 + 45 + 75) / 5);
    assert.deepEqual(m.byPeriod.map((p) => p.incidents), [1, 0, 2, 1, 2]);
  });

  it('gives nulls, never NaN, for a period without incidents', () => {
    const m = computeMetrics(inputs, { since: '2025-06-01', until: '2025-08-31', today: '2026-04-15' });
    assert.equal(m.incidents, 0);
    assert.equal(m.incidentsPerMonth, 0);
    assert.equal(m.mttrMinutes, null);
    assert.equal(m.medianTtrMinutes, null);
    assert.equal(m.repeatRate, null);
    assert.equal(m.actionItems.completionRate, null);
    assert.deepEqual(m.timeToPostmortemHours, { mean: null, median: null });
    assert.deepEqual(m.ratings, { repeatRate: null, completionRate: null, timeToPostmortem: null });
    assert.deepEqual(m.bySeverity, {});
    assert.equal(m.byPeriod.length, 3);
    assert.ok(!JSON.stringify(m).includes('NaN'));
    assert.equal(computeMetrics([], { today: '2026-04-15' }).incidentsPerMonth, null);
  });

  it('reads durations: front matter, the Duration field, or Start to Recovery over midnight', () => {
    const read = (text: string) => metricsInput(parsePostmortem(text), 'x.md');
    assert.equal(read('---\ndate: 2026-01-01\nduration: 1h 15min\n---\n# Postmortem: A\n').durationMinutes, 75);
    assert.equal(read('# Postmortem: A\n\n**Incident Date:** 2026-01-01\n**Duration:** 2 hours 5 minutes\n').durationMinutes, 125);
    assert.equal(read('# Postmortem: A\n\n**Incident Date:** 2026-01-01\n**Start Time:** 22:10 UTC\n**Recovery Time:** 00:40 UTC\n').durationMinutes, 150);
    assert.equal(read('# Postmortem: A\n\n## Timeline\n\n- 2026-02-03 10:00 Alert fired\n- 10:30 Rolled back\n').date, '2026-02-03', 'dated by its timeline');
    const unreadable = read('---\ndate: 2026-01-01\nduration: a while\n---\n# Postmortem: A\n');
    assert.equal(unreadable.durationMinutes, undefined);
    assert.match(unreadable.durationMissing ?? '', /not a duration/);
    assert.match(read('---\ndate: 2026-01-01\nstart: "2026-01-02 10:00"\npublished: "2026-01-01 09:00"\n---\n# Postmortem: A\n').timeToPostmortemMissing ?? '', /before the incident/);
  });

  it('puts the guide\'s boundaries in the right bands', () => {
    assert.deepEqual([0.09, 0.1, 0.2, 0.21, 0.4, 0.41].map(repeatRateBand), ['excellent', 'good', 'good', 'poor', 'poor', 'critical']);
    assert.deepEqual([0.81, 0.8, 0.6, 0.59, 0.4, 0.39].map(completionRateBand), ['excellent', 'good', 'good', 'poor', 'poor', 'critical']);
    assert.deepEqual([23.9, 24, 48, 49, 168, 169].map(timeToPostmortemBand), ['excellent', 'good', 'good', 'acceptable', 'acceptable', 'poor']);
  });

  it('counts calendar months and lists periods', () => {
    assert.equal(monthsSpanned('2025-12-31', '2026-01-01'), 2);
    assert.deepEqual(periodsBetween('2025-11-15', '2026-02-01', 'quarter').map((p) => [p.period, p.since, p.until]), [
      ['2025-Q4', '2025-10-01', '2025-12-31'],
      ['2026-Q1', '2026-01-01', '2026-03-31'],
    ]);
  });
});
