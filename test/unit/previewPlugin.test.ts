import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { postmortemMarkdownIt } from '../../client/src/preview/postmortemMarkdownIt';

const TODAY = '2026-01-15';

function render(markdown: string, html = false): string {
  return new MarkdownIt({ html }).use(postmortemMarkdownIt, { today: TODAY }).render(markdown);
}

const ACTIONS = [
  '| # | Action Item | Owner | Deadline | Status |',
  '| --- | --- | --- | --- | --- |',
  '| 1 | Enable logrotate | DevOps | 2025-12-20 | ✅ Done |',
  '| 2 | Config check after migration | DevOps | 2025-12-30 | 🔄 In Progress |',
  '| 3 | Alert on log growth | SRE | 2026-02-28 | 📅 Planned |',
  '| 4 | Vendor patch | SRE | 2026-01-14 | 🚫 Blocked (waiting on vendor) |',
].join('\n');

describe('postmortem markdown-it preview plugin', () => {
  it('renders the four status markers as chips', () => {
    const html = render(ACTIONS);
    assert.ok(html.includes('<span class="pm-chip pm-status-done">✅ Done</span>'), html);
    assert.ok(html.includes('<span class="pm-chip pm-status-in-progress">🔄 In Progress</span>'));
    assert.ok(html.includes('<span class="pm-chip pm-status-planned">📅 Planned</span>'));
    assert.ok(html.includes('<span class="pm-chip pm-status-blocked">🚫 Blocked</span> (waiting on vendor)'));
  });

  it('highlights deadlines before today on rows that are not done', () => {
    const html = render(ACTIONS);
    assert.ok(html.includes('<td><span class="pm-overdue" title="16 days overdue">2025-12-30</span></td>'), html);
    assert.ok(html.includes('<td><span class="pm-overdue" title="1 day overdue">2026-01-14</span></td>'));
    // Done rows and future deadlines stay plain.
    assert.ok(html.includes('<td>2025-12-20</td>'));
    assert.ok(html.includes('<td>2026-02-28</td>'));
    assert.equal(html.match(/pm-overdue/g)?.length, 2);
  });

  it('reads plain status words in a Status column and severity words in a Severity column', () => {
    const html = render(['| Incident | Severity | Deadline | Status |', '| --- | --- | --- | --- |', '| Disk full | High | 2026-01-01 | done |', '| DNS | P1 | 2026-01-02 | Blocked |'].join('\n'));
    assert.ok(html.includes('<td><span class="pm-chip pm-severity-high">High</span></td>'), html);
    assert.ok(html.includes('<td><span class="pm-chip pm-status-done">done</span></td>'));
    assert.ok(html.includes('<td><span class="pm-chip pm-status-blocked">Blocked</span></td>'));
    assert.ok(html.includes('<td>2026-01-01</td>'), 'a done row is never overdue');
    assert.ok(html.includes('<span class="pm-overdue" title="13 days overdue">2026-01-02</span>'));
  });

  it('renders severities as chips, and severity words only after the Severity label', () => {
    const html = render('**Severity:** Critical (P0)\n\nWe paged SEV-2 and Sev3 responders under high load.');
    assert.ok(html.includes('<strong>Severity:</strong> <span class="pm-chip pm-severity-critical">Critical</span> (<span class="pm-chip pm-severity-p0">P0</span>)'), html);
    assert.ok(html.includes('<span class="pm-chip pm-severity-sev2">SEV-2</span>'));
    assert.ok(html.includes('<span class="pm-chip pm-severity-sev3">Sev3</span>'));
    assert.ok(html.includes('under high load'));
    const header = render('**Duration:** 4h 28min\n**Severity:** Medium (P2)\n**Owner:** SRE');
    assert.ok(header.includes('<strong>Severity:</strong> <span class="pm-chip pm-severity-medium">Medium</span>'), header);
    assert.equal(render('**Severity**: Low').includes('<span class="pm-chip pm-severity-low">Low</span>'), true);
  });

  it('highlights an overdue "due:" date in a list item unless the item is done', () => {
    const html = render('- [ ] Rotate logs (@sre, due: 2026-01-10)\n- [x] Add alert (@sre, due: 2026-01-05)\n- Write runbook, due: 2026-03-01\n- Fix backups DONE due: 2026-01-02');
    assert.ok(html.includes('due: <span class="pm-overdue" title="5 days overdue">2026-01-10</span>'), html);
    assert.ok(html.includes('due: 2026-01-05'));
    assert.ok(html.includes('due: 2026-03-01'));
    assert.ok(html.includes('<span class="pm-chip pm-status-done">DONE</span> due: 2026-01-02'));
  });

  it('leaves code, words inside other words and impossible dates alone', () => {
    const html = render('`✅ Done` and `P0` in code; AP0, P10, SEV5, UNDONE.\n\n- due: 2025-02-30');
    assert.ok(!html.includes('pm-chip'), html);
    assert.ok(!html.includes('pm-overdue'));
  });

  it('keeps text from the document escaped next to a chip', () => {
    const html = render(['| # | Action Item | Owner | Deadline | Status |', '| --- | --- | --- | --- | --- |', '| 1 | Patch | SRE | 2026-01-01 | 🚫 Blocked <img src=x onerror=alert(1)> |'].join('\n'));
    assert.ok(html.includes('<span class="pm-chip pm-status-blocked">🚫 Blocked</span> &lt;img src=x onerror=alert(1)&gt;'), html);
    assert.ok(!html.includes('<img'));
    const quoted = render('- ✅ Done "<script>alert(1)</script>" & due: 2020-01-01');
    assert.ok(!quoted.includes('<script>'), quoted);
    assert.ok(quoted.includes('&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp;'));
  });

  it('reads today from a function on every render and falls back to the current date', () => {
    let today = '2025-12-01';
    const md = new MarkdownIt().use(postmortemMarkdownIt, { today: () => today });
    assert.ok(!md.render('due: 2025-12-20').includes('pm-overdue'));
    today = '2026-01-01';
    assert.ok(md.render('due: 2025-12-20').includes('pm-overdue'));
    assert.ok(new MarkdownIt().use(postmortemMarkdownIt).render('due: 2000-01-01').includes('pm-overdue'));
  });
});
