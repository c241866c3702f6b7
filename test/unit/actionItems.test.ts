import * as assert from 'node:assert/strict';
import { readDeadline } from '../../server/src/core/model/deadlines';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { closestStatus, inferCategory, readInlineStatus, readStatus } from '../../server/src/core/model/status';
import type { ActionItem } from '../../server/src/core/model/types';

function items(text: string): ActionItem[] {
  return parsePostmortem(text).actionItems;
}

/** The source text at a span, to check spans point where they should. */
function at(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('action items', () => {
  it('reads a table with Owner, Deadline, Status and Type columns, pointing at the cells', () => {
    const text = [
      '## Action Items',
      '',
      '| # | Type | Action Item | Owner | Deadline | Status |',
      '| --- | --- | --- | --- | --- | --- |',
      '| 1 | Detect | Alert on disk usage above 80% | SRE | 2026-01-20 | 🔄 In Progress |',
      '| 2 | Prevent | Enable logrotate | TBD | 2026-02-30 | 🚫 Blocked |',
    ].join('\n');
    const [first, second] = items(text);
    assert.equal(first.source, 'table');
    assert.equal(first.text, 'Alert on disk usage above 80%');
    assert.equal(first.owner?.value, 'SRE');
    assert.equal(first.deadline?.date, '2026-01-20');
    assert.equal(first.status?.normalized, 'inProgress');
    assert.equal(at(text, first.status!.span), '🔄 In Progress');
    assert.deepEqual([first.category, first.categorySource], ['detect', 'column']);
    assert.equal(second.owner, undefined, 'TBD is a placeholder');
    assert.equal(second.deadline?.invalid, true);
    assert.equal(second.status?.normalized, 'blocked');
    assert.equal(second.status?.reason, undefined);
  });

  it('reads checklists with @handle and due:, and [x] as done', () => {
    const text = '## Action Items\n\n- [ ] Add alert @sre due:2026-01-10\n- [x] Write the incident report\n';
    const [open, done] = items(text);
    assert.equal(open.source, 'checklist');
    assert.equal(at(text, open.owner!.span), '@sre');
    assert.equal(at(text, open.deadline!.span), '2026-01-10');
    assert.equal(open.status?.normalized, 'planned');
    assert.equal(done.status?.normalized, 'done');
  });

  it('reads inline owner:, assigned to, Ongoing and dates in brackets', () => {
    const text = [
      '## Follow-ups',
      '',
      '- Document the pool settings (owner: Alice Smith, 2026-03-01)',
      '- Cap concurrent builds (assigned to @binder-team, due: 2026-02-01)',
      '- Review connection usage every week @sre (ongoing)',
      '- Backfill the events lost on 2025-11-15 into the new table',
    ].join('\n');
    const [a, b, c, d] = items(text);
    assert.equal(a.owner?.value, 'Alice Smith');
    assert.equal(a.deadline?.date, '2026-03-01');
    assert.equal(b.owner?.value, '@binder-team');
    assert.equal(b.deadline?.date, '2026-02-01');
    assert.equal(c.deadline?.ongoing, true);
    assert.equal(d.deadline, undefined, 'a date in the middle of a sentence is not a deadline');
  });

  it('reads status markers: emoji, (done), DONE, [WIP], status:', () => {
    const status = (line: string) => items(`## Action Items\n\n- ${line}\n`)[0].status;
    assert.equal(status('✅ Reverted the change')?.value, '✅');
    assert.equal(status('Add alert ✅ Done')?.value, '✅ Done');
    assert.equal(status('Add alert 📅 Planned')?.normalized, 'planned');
    assert.equal(status('Add alert 🔄 In Progress')?.normalized, 'inProgress');
    assert.equal(status('Email everybody when the site goes down (done)')?.normalized, 'done');
    assert.equal(status('Email everybody when the site goes down (DONE)')?.normalized, 'done');
    assert.equal(status('DONE: email everybody')?.normalized, 'done');
    assert.equal(status('Remove the legacy proxy [WIP]')?.normalized, 'inProgress');
    assert.equal(status('Make sure the work is done properly'), undefined, 'lower-case "done" is a word');
    const blocked = status('Upgrade the runners 🚫 Blocked on the quota request');
    assert.deepEqual([blocked?.normalized, blocked?.reason], ['blocked', 'on the quota request']);
    const unknown = status('Upgrade the runners status: maybe later');
    assert.deepEqual([unknown?.value, unknown?.normalized], ['maybe later', undefined]);
  });

  it('takes categories from sub-headings and numbered items under them (mybinder)', () => {
    const text = [
      '## Action items',
      '',
      '### Process improvements',
      '',
      '1. Nominate one person to drive the incident',
      '',
      '### Technical improvements',
      '',
      '1. Store the prometheus data outside its server pod ([#512](https://github.com/x/y/pull/512))',
    ].join('\n');
    const [learn, prevent] = items(text);
    assert.deepEqual([learn.source, learn.category, learn.categorySource], ['numbered', 'learn', 'heading']);
    assert.equal(prevent.category, 'prevent');
    assert.equal(prevent.tracking?.value, 'https://github.com/x/y/pull/512');
  });

  it('reads `- **Bold title**: explanation` bullets and skips their nested explanation bullets (DFDS)', () => {
    const text = [
      '## Action Items',
      '',
      '- **Implement priority-classes for critical workloads**: It can happen that critical pods are evicted.',
      '  - The scheduler evicts by priority.',
      '- Improve coverage of readiness probes',
      '    - Reach out to teams with suggestions',
    ].join('\n');
    const found = items(text);
    assert.deepEqual(found.map((i) => i.text.slice(0, 30)), ['**Implement priority-classes f', 'Improve coverage of readiness ']);
  });

  it('uses group bullets and paragraph labels as groups, not items', () => {
    const text = [
      '## Action Items',
      '',
      '- **Immediate:**',
      '  - Roll back the config @ops due:2026-01-20',
      '',
      '**In progress (next 2 weeks):**',
      '',
      '- Isolate the Redis instance',
      '',
      'This paragraph is prose, not an item.',
      '',
      '- Define the Redis strategy',
    ].join('\n');
    const found = items(text);
    assert.deepEqual(found.map((i) => i.text), ['Roll back the config @ops due:2026-01-20', 'Isolate the Redis instance', 'Define the Redis strategy']);
    assert.equal(found[0].group?.label, '**Immediate:**');
    assert.deepEqual([found[1].status?.normalized, found[1].status?.inherited], ['inProgress', true]);
    assert.equal(found[2].status, undefined, 'a prose paragraph ends the label');
  });

  it('gives items the time horizon, status and tracking issue of their group (PostHog)', () => {
    const text = [
      '## Remediation',
      '',
      '### Immediate Actions (Completed)',
      '',
      '- Database connection timeouts moved to runtime configuration',
      '',
      '### Short-term Improvements ([Follow along here](https://github.com/PostHog/posthog/issues/39133))',
      '',
      '- **Circuit breakers**: add circuit breakers with exponential backoff. Owner: @lucasheriques',
      '',
      '### Long-term Improvements (Q4 2025 - Q1 2026)',
      '',
      '- Quarterly incident response drills',
    ].join('\n');
    const [done, short, long] = items(text);
    assert.deepEqual([done.status?.normalized, done.status?.inherited], ['done', true]);
    assert.equal(short.owner?.value, '@lucasheriques');
    assert.equal(short.tracking?.value, 'https://github.com/PostHog/posthog/issues/39133');
    assert.equal(short.deadline, undefined, '"Short-term" is not a date');
    assert.deepEqual([long.deadline?.date, long.deadline?.inherited, long.deadline?.value], ['2026-03-31', true, 'Q1 2026']);
  });

  it('reads `**Action item:**` paragraphs and ignores link definitions and Follow along lines', () => {
    const text = [
      '## Action Items',
      '',
      '- [#2226]: Add simple logging when index publishing starts.',
      '',
      '**Action item:** Start incidents earlier. Owner: @lucasheriques',
      '',
      'Follow along here: https://github.com/x/y/issues/1',
      '',
      '[#2226]: https://github.com/rust-lang/crates.io/issues/2226',
    ].join('\n');
    const found = items(text);
    assert.equal(found.length, 2);
    assert.equal(found[0].tracking?.value, '#2226');
    assert.deepEqual([found[1].source, found[1].text, found[1].owner?.value], ['paragraph', 'Start incidents earlier. Owner: @lucasheriques', '@lucasheriques']);
  });

  it('treats flush-left bullets after a numbered item as its details (PostHog persons-db)', () => {
    const text = [
      '## Remediation',
      '',
      '1.  **Deeper Postgres engine monitoring**',
      '    We plan to add metrics and alerts around:',
      '',
      '-   Heavy disk read amplification per write',
      '-   TOAST table statistics',
      '',
      '2.  **Improved runbooks for engine-level limits**',
    ].join('\n');
    assert.deepEqual(items(text).map((i) => i.source), ['numbered', 'numbered']);
  });

  it('reads bullets under a `**Review actions**` label outside any section (MoJ)', () => {
    const text = [
      '# Incident',
      '',
      '- **Key events**',
      '  - First detected 10:41',
      '- **Review actions**:',
      '',
      '1. Speak to the namespace owner',
      '2. Add `*.out` to gitignore',
      '',
      '- **Review actions**: We switched to a Dockerhub token. (Done)',
    ].join('\n');
    const found = items(text);
    assert.deepEqual(found.map((i) => i.text), ['Speak to the namespace owner', 'Add `*.out` to gitignore', 'We switched to a Dockerhub token. (Done)']);
    assert.equal(found[2].status?.normalized, 'done');
  });

  it('skips empty bullets and tables that are not action tables', () => {
    const text = ['## Follow-ups', '', '-', '- [ ]', '', '| Metric | Value |', '| --- | --- |', '| MTTR | 4h |'].join('\n');
    assert.deepEqual(items(text), []);
  });
});

describe('deadlines and statuses', () => {
  const span = { start: 0, end: 0 };
  it('reads dates, periods, placeholders and impossible dates', () => {
    assert.equal(readDeadline('2026-01-10', span).date, '2026-01-10');
    assert.equal(readDeadline('2026/1/5', span).date, '2026-01-05');
    assert.equal(readDeadline('Jan 10, 2026', span).date, '2026-01-10');
    assert.deepEqual([readDeadline('Q1 2026', span).date, readDeadline('Q1 2026', span).period], ['2026-03-31', true]);
    assert.equal(readDeadline('end of March 2026', span).date, '2026-03-31');
    assert.equal(readDeadline('Q4 2025 - Q1 2026', span).date, '2026-03-31');
    assert.equal(readDeadline('TBD', span).placeholder, true);
    assert.equal(readDeadline('', span).placeholder, true);
    assert.equal(readDeadline('Ongoing', span).ongoing, true);
    assert.equal(readDeadline('2026-02-30', span).invalid, true);
    assert.equal(readDeadline('20202-01-16', span).invalid, true);
    const vague = readDeadline('next sprint', span);
    assert.deepEqual([vague.date, vague.invalid, vague.placeholder], [undefined, false, undefined]);
  });

  it('normalises status spellings and finds near misses', () => {
    assert.equal(readStatus('✅ Done').status, 'done');
    assert.equal(readStatus('DONE').status, 'done');
    assert.deepEqual(readStatus('Blocked (waiting on vendor)'), { status: 'blocked', reason: 'waiting on vendor' });
    assert.equal(readStatus('Maybe').status, undefined);
    assert.equal(closestStatus('In Progess'), 'inProgress');
    assert.equal(closestStatus('Compelted'), 'done');
    assert.equal(closestStatus('Maybe'), undefined);
    assert.equal(readInlineStatus('📅 2026-01-10'), undefined, '📅 before a date is a due date');
  });

  it('guesses a category from the words of an item', () => {
    assert.equal(inferCategory('Add alerts when free disk space falls below 10%'), 'detect');
    assert.equal(inferCategory('Pin the Dart dependencies to known versions'), 'prevent');
    assert.equal(inferCategory('Write a runbook for a full disk'), 'mitigate');
    assert.equal(inferCategory('Schedule a meeting'), undefined);
  });
});
