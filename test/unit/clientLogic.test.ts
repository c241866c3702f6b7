import * as assert from 'node:assert/strict';
import { groupActionItems, itemAsMarkdown, itemDescription, owners } from '../../client/src/actionItemGrouping';
import { postmortemPath, slugify } from '../../client/src/postmortemPath';
import { postmortemTemplate } from '../../client/src/postmortemTemplate';
import { statusReplacement } from '../../client/src/statusEdit';
import { lint } from '../../server/src/core/engine';
import { parsePostmortem } from '../../server/src/core/model/parse';
import type { ActionItemInfo } from '../../server/src/protocol';

function item(text: string, extra: Partial<ActionItemInfo> = {}): ActionItemInfo {
  return {
    uri: 'file:///w/postmortems/a.md',
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 20 } },
    text,
    status: 'planned',
    source: 'bullet',
    postmortem: { title: 'Disk full', incidentId: 'INC-1', date: '2025-12-15' },
    ...extra,
  };
}

describe('Action Items view grouping', () => {
  const items = [
    item('Rotate logs', { status: 'inProgress', owner: '@sre', deadlineDate: '2026-01-01', deadline: '2026-01-01', overdueDays: 14 }),
    item('Add alert', { status: 'planned', owner: '@sre', deadlineDate: '2026-02-01', deadline: '2026-02-01' }),
    item('Write runbook', { status: 'done', owner: '@dba' }),
    item('Fix backups', { status: 'blocked', deadlineDate: '2026-01-20' }),
    item('Train', { status: 'inProgress', owner: '@dba', deadlineDate: '2026-01-30', uri: 'file:///w/postmortems/b.md', postmortem: { title: 'API down', date: '2026-01-05' } }),
  ];

  it('groups by status with overdue first and done hidden', () => {
    const groups = groupActionItems(items, { groupBy: 'status', showDone: false });
    assert.deepEqual(groups.map((g) => [g.label, g.items.map((i) => i.text)]), [
      ['Overdue', ['Rotate logs']],
      ['In Progress', ['Train']],
      ['Planned', ['Add alert']],
      ['Blocked', ['Fix backups']],
    ]);
    const withDone = groupActionItems(items, { groupBy: 'status', showDone: true });
    assert.equal(withDone[withDone.length - 1].label, 'Done');
  });

  it('groups by owner (no owner last) and by postmortem (newest first), and filters by owner', () => {
    assert.deepEqual(groupActionItems(items, { groupBy: 'owner', showDone: false }).map((g) => g.label), ['@dba', '@sre', 'No owner']);
    assert.deepEqual(groupActionItems(items, { groupBy: 'postmortem', showDone: false }).map((g) => g.label), ['API down', 'INC-1 Disk full']);
    const sre = groupActionItems(items, { groupBy: 'status', showDone: true, owner: '@sre' });
    assert.deepEqual(sre.flatMap((g) => g.items.map((i) => i.text)), ['Rotate logs', 'Add alert']);
    assert.deepEqual(owners(items), ['@dba', '@sre']);
  });

  it('describes and copies items', () => {
    assert.equal(itemDescription(items[0]), '@sre · 2026-01-01 · 14 days overdue');
    assert.equal(itemAsMarkdown(items[1]), '- [ ] Add alert (@sre, due: 2026-02-01)');
    assert.equal(itemAsMarkdown(items[2]), '- [x] Write runbook (@dba)');
  });
});

describe('New Postmortem path', () => {
  it('fills the default pattern', () => {
    const { path } = postmortemPath('postmortems/${year}/${month}-${monthName}/${date}-${slug}.md', 'Disk full on db-1!', '2025-12-15');
    assert.equal(path, 'postmortems/2025/12-december/2025-12-15-disk-full-on-db-1.md');
  });

  it('keeps the title from escaping the folder', () => {
    for (const title of ['../../etc/passwd', '/etc/passwd', 'a/../../b', 'C:\\Windows', 'x\0y', '..']) {
      const { path } = postmortemPath('postmortems/${slug}.md', title, '2025-12-15');
      assert.ok(path && !path.includes('..') && path.split('/').length === 2, `${title} -> ${path}`);
    }
    assert.equal(slugify(''), 'incident');
    assert.equal(slugify('CON'), 'con-incident');
    assert.equal(slugify('Ünïcödé outage'), 'unicode-outage');
  });

  it('refuses patterns that leave the folder or are not Markdown', () => {
    assert.match(postmortemPath('../${slug}.md', 'x', '2025-12-15').problem ?? '', /inside the workspace/);
    assert.match(postmortemPath('/tmp/${slug}.md', 'x', '2025-12-15').problem ?? '', /relative/);
    assert.match(postmortemPath('${slug}.txt', 'x', '2025-12-15').problem ?? '', /\.md/);
    assert.match(postmortemPath('${nope}/${slug}.md', 'x', '2025-12-15').problem ?? '', /unknown variable/);
    assert.match(postmortemPath('nul/${slug}.md', 'x', '2025-12-15').problem ?? '', /reserved/);
    assert.match(postmortemPath('${slug}.md', 'x', '15/12/2025').problem ?? '', /YYYY-MM-DD/);
  });
});

describe('New Postmortem template', () => {
  it('is a complete postmortem whose only problems are the blanks left to fill', () => {
    const text = postmortemTemplate({ title: 'Disk: "full"', severity: 'P0', date: '2025-12-15' });
    const doc = parsePostmortem(text);
    assert.equal(doc.frontMatter?.errors.length, 0);
    assert.equal(doc.frontMatter?.data?.title, 'Disk: "full"');
    const result = lint(text, { today: '2025-12-16' });
    const rules = new Set(result.problems.map((p) => p.ruleId));
    assert.ok(!rules.has('PM001'), 'every required section is there');
    assert.ok(!rules.has('PM000'));
    assert.ok(rules.has('PM003'), 'the placeholders are reported until filled');
  });
});

describe('status edits', () => {
  it('replaces a status cell, ticks a task box, or appends a marker', () => {
    const cell = item('x', { source: 'table', statusRange: { start: { line: 3, character: 40 }, end: { line: 3, character: 50 } }, statusText: '📅 Planned' });
    assert.deepEqual(statusReplacement(cell, 'done', ''), [{ range: cell.statusRange, newText: '✅ Done' }]);
    const box = item('x', { source: 'checklist', statusRange: { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } }, statusText: '[ ]' });
    assert.deepEqual(statusReplacement(box, 'done', '- [ ] x'), [{ range: box.statusRange, newText: '[x]' }]);
    assert.deepEqual(statusReplacement(box, 'blocked', '- [ ] x  '), [
      { range: box.statusRange, newText: '[ ]' },
      { range: { start: { line: 3, character: 7 }, end: { line: 3, character: 7 } }, newText: ' 🚫 Blocked' },
    ]);
    const bullet = item('x', { source: 'bullet' });
    assert.deepEqual(statusReplacement(bullet, 'inProgress', '- x'), [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } }, newText: ' 🔄 In Progress' }]);
    assert.ok('problem' in (statusReplacement(item('x', { source: 'table' }), 'done', '') as object));
  });
});
