import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentDiagnosticReport, Hover, CodeLens, SymbolInformation } from 'vscode-languageserver-protocol';
import { flattenActionItems, type IncidentInfo, type PostmortemActionItems } from '../../server/src/protocol';
import { tempTree } from '../helpers/cli';
import { startServer, type TestClient } from '../helpers/lspClient';

const FLAWED = `---
incident_id: INC-2026-01-08
date: 2026-01-08
severity: P2
---

# Postmortem: Checkout latency

## Summary

Checkout was slow for 45 minutes.

## Action Items

| Action Item | Owner | Deadline | Status |
| --- | --- | --- | --- |
| Improve monitoring | SRE | 2026-01-10 | 📅 Planned |
| Cap the pool at 50 connections | Backend | 2026-03-01 | 🔄 In Progress |
`;

const OTHER = `---
incident_id: INC-2025-11-02
date: 2025-11-02
severity: P1
tags: [database]
affected_services: [orders]
---

# Postmortem: Orders database failover

## Action Items

- [ ] Alert on replication lag above 30 seconds @dba due:2025-12-01
- [x] Add a runbook for failover @sre due:2025-11-10
`;

function uriOf(dir: string, file: string): string {
  return pathToFileURL(path.join(dir, file)).toString();
}

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  return report.kind === 'full' ? report.items : [];
}

describe('language server over stdio', function () {
  this.timeout(30_000);
  let tree: ReturnType<typeof tempTree>;
  let client: TestClient;

  beforeEach(async () => {
    tree = tempTree({
      'postmortems/2026-01-08-checkout.md': FLAWED,
      'postmortems/2025-11-02-orders.md': OTHER,
      'README.md': '# Project\n\n## Action Items\n\n- Improve monitoring\n',
    });
  });
  afterEach(async () => {
    await client?.stop();
    tree.cleanup();
  });

  describe('with pull diagnostics', () => {
    beforeEach(async () => {
      client = await startServer(tree.dir, { pull: true });
    });

    it('answers textDocument/diagnostic with codes, doc links, source and data', async () => {
      const uri = uriOf(tree.dir, 'postmortems/2026-01-08-checkout.md');
      await client.open(uri, FLAWED);
      const diagnostics = await pull(client, uri);
      const vague = diagnostics.find((d) => d.code === 'PM023');
      assert.ok(vague, `PM023 in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
      assert.equal(vague.source, 'postmortem-lint');
      assert.equal(vague.severity, 2);
      assert.deepEqual(vague.range.start, { line: 16, character: 2 });
      assert.match(vague.codeDescription?.href ?? '', /docs\/rules\/PM023-vague-action-item\.md$/);
      assert.equal((vague.data as { ruleId: string }).ruleId, 'PM023');
    });

    it('gives no diagnostics to a document that is not a postmortem', async () => {
      const uri = uriOf(tree.dir, 'README.md');
      await client.open(uri, fs.readFileSync(path.join(tree.dir, 'README.md'), 'utf8'));
      assert.deepEqual(await pull(client, uri), []);
    });

    it('offers disable actions and a fix-all action', async () => {
      const uri = uriOf(tree.dir, 'postmortems/2026-01-08-checkout.md');
      await client.open(uri, FLAWED);
      const diagnostics = await pull(client, uri);
      const vague = diagnostics.find((d) => d.code === 'PM023')!;
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: vague.range,
        context: { diagnostics: [vague] },
      })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Disable PM023 (vague-action-item) for this table'), titles.join(' | '));
      const fileWide = actions.find((a) => a.title === 'Disable PM023 (vague-action-item) for this file')!;
      const edit = fileWide.edit!.changes![uri][0];
      assert.deepEqual(edit.range.start, { line: 5, character: 0 }, 'after the front matter');
      assert.equal(edit.newText, '<!-- postmortem-lint-disable-file PM023 -->\n');
      const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      for (const action of fixAll) assert.equal(action.kind, 'source.fixAll.postmortem-lint');
    });

    it('offers blameless rewrites and fixes, and fix-all applies every safe fix', async () => {
      const uri = uriOf(tree.dir, 'postmortems/leak.md');
      const text = [
        '# Postmortem: Token leak',
        '',
        '**Start Time:** 10:00 UTC',
        '**Recovery Time:** 11:30 UTC',
        '**Duration:** 45min',
        '',
        '## Summary',
        '',
        'The deploy failed because Dave forgot to rotate the key, and the on-call engineer dropped the ball.',
        'The token was ghp_R8x2mQ7vLk3Nz9Pw4Ty6Hb1Jc5Ds0Fa2Ge7K.',
        '',
      ].join('\n');
      await client.open(uri, text);
      const diagnostics = await pull(client, uri);
      const actionsFor = async (code: string) => {
        const diagnostic = diagnostics.find((d) => d.code === code)!;
        assert.ok(diagnostic, `${code} reported`);
        return (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        })) as CodeAction[];
      };
      const blame = await actionsFor('PM030');
      const rewrite = blame.find((a) => a.title.startsWith('Replace "dropped the ball"'))!;
      assert.ok(rewrite, blame.map((a) => a.title).join(' | '));
      assert.equal(rewrite.kind, 'quickfix');
      assert.equal(rewrite.edit!.changes![uri][0].newText, 'did not follow up');
      const named = await actionsFor('PM031');
      assert.ok(named.filter((a) => a.title.startsWith('Rewrite as')).length >= 2, 'several rewrites for named blame');
      const secret = (await actionsFor('PM033')).find((a) => a.isPreferred)!;
      assert.match(secret.edit!.changes![uri][0].newText, /REDACTED/);
      const duration = (await actionsFor('PM005')).find((a) => a.isPreferred)!;
      assert.equal(duration.edit!.changes![uri][0].newText, '90min');
      const section = (await actionsFor('PM001')).find((a) => a.isPreferred)!;
      assert.match(section.edit!.changes![uri][0].newText, /## /);

      const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      assert.equal(fixAll.length, 1);
      assert.equal(fixAll[0].kind, 'source.fixAll.postmortem-lint');
      const [edit] = fixAll[0].edit!.changes![uri];
      const lines = text.split('\n');
      const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      const fixed = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
      assert.match(fixed, /\*\*Duration:\*\* 90min/);
      assert.doesNotMatch(fixed, /ghp_R8x2/);
      assert.match(fixed, /dropped the ball/, 'suggestions are never applied by fix-all');
      assert.match(fixed, /## Timeline/);
    });

    it('completes headings, statuses, owners and deadlines', async () => {
      const uri = uriOf(tree.dir, 'postmortems/new.md');
      const text = `${FLAWED}| Add a load test | \n\n## `;
      await client.open(uri, text);
      const lines = text.split('\n');
      const headingLine = lines.length - 1;
      const headings = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: headingLine, character: 3 },
      })) as CompletionItem[];
      const first = [...headings].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
      assert.equal(first.detail, 'missing section');
      assert.ok(headings.some((h) => h.label === 'Timeline'));
      const row = lines.length - 3;
      const owners = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: row, character: lines[row].length },
      })) as CompletionItem[];
      assert.ok(owners.some((o) => o.label === '@dba'), `owners from the workspace: ${owners.map((o) => o.label).join(', ')}`);
      const statusLine = 17;
      const statusCharacter = lines[statusLine].lastIndexOf('|') - 1;
      const statuses = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: statusLine, character: statusCharacter },
      })) as CompletionItem[];
      assert.ok(statuses.some((s) => s.label === '✅ Done'));
      const deadlineCharacter = lines[statusLine].indexOf('2026-03-01');
      const deadlines = (await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: statusLine, character: deadlineCharacter },
      })) as CompletionItem[];
      assert.deepEqual(deadlines.map((d) => d.label), ['2026-01-22', '2026-01-29', '2026-02-14']);
    });

    it('hovers on deadlines and severities, and shows a code lens on Action Items', async () => {
      const uri = uriOf(tree.dir, 'postmortems/2026-01-08-checkout.md');
      await client.open(uri, FLAWED);
      const overdue = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 16, character: 30 } })) as Hover;
      assert.match(JSON.stringify(overdue.contents), /5 days overdue/);
      const later = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 17, character: 50 } })) as Hover;
      assert.match(JSON.stringify(later.contents), /Due in 45 days/);
      const severity = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 11 } })) as Hover;
      assert.match(JSON.stringify(severity.contents), /Medium/);
      const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
      assert.equal(lenses.length, 1);
      assert.equal(lenses[0].range.start.line, 12);
      assert.equal(lenses[0].command?.title, '2 items · 0 done · 1 overdue · 0% complete');
    });

    it('finds incidents by id or title', async () => {
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'orders' })) as SymbolInformation[];
      assert.deepEqual(symbols.map((s) => s.name), ['INC-2025-11-02: Postmortem: Orders database failover']);
    });

    it('serves action items and incidents, and follows files on disk', async () => {
      const groups = (await client.connection.sendRequest('postmortemLint/actionItems', {})) as PostmortemActionItems[];
      const items = flattenActionItems(groups);
      assert.equal(items.length, 4);
      const lag = items.find((i) => i.text.startsWith('Alert on replication lag'))!;
      // Sent as four numbers, listed as LSP ranges: the item's line and its task box.
      const sent = groups.flatMap((g) => g.items).find((i) => i.text === lag.text)!;
      assert.ok(Array.isArray(sent.range) && sent.range.length === 4 && Array.isArray(sent.statusRange));
      const lagLine = OTHER.split('\n').indexOf('- [ ] Alert on replication lag above 30 seconds @dba due:2025-12-01');
      assert.deepEqual([lag.range.start.line, lag.range.end.line], [lagLine, lagLine]);
      assert.deepEqual([lag.statusRange!.start.line, lag.statusRange!.end.line], [lagLine, lagLine]);
      assert.equal(OTHER.split('\n')[lagLine].slice(lag.statusRange!.start.character, lag.statusRange!.end.character), '[ ]');
      assert.equal(lag.owner, '@dba');
      assert.equal(lag.status, 'planned');
      assert.equal(lag.overdueDays, 45);
      assert.equal(lag.postmortem.incidentId, 'INC-2025-11-02');
      const incidents = (await client.connection.sendRequest('postmortemLint/incidents', {})) as IncidentInfo[];
      assert.deepEqual(incidents.map((i) => [i.incidentId, i.totalItems, i.openItems, i.overdueItems]).sort(), [
        ['INC-2025-11-02', 2, 1, 1],
        ['INC-2026-01-08', 2, 2, 1],
      ]);

      // A file added on disk.
      const added = path.join(tree.dir, 'postmortems', '2026-01-10-dns.md');
      fs.writeFileSync(added, '# Postmortem: DNS\n\n## Action Items\n\n- [ ] Lower the DNS TTL to 300 s @net due:2026-02-01\n');
      let changed = client.waitForNotification('postmortemLint/indexChanged');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 1 }] });
      await changed;
      let after = flattenActionItems((await client.connection.sendRequest('postmortemLint/actionItems', {})) as PostmortemActionItems[]);
      assert.equal(after.length, 5);

      // Changed, then deleted.
      fs.writeFileSync(added, '# Postmortem: DNS\n\n## Action Items\n\n- [x] Lower the DNS TTL to 300 s @net due:2026-02-01\n- [ ] Monitor resolution time @net due:2026-02-10\n');
      changed = client.waitForNotification('postmortemLint/indexChanged');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 2 }] });
      await changed;
      after = flattenActionItems((await client.connection.sendRequest('postmortemLint/actionItems', {})) as PostmortemActionItems[]);
      assert.equal(after.length, 6);
      fs.rmSync(added);
      changed = client.waitForNotification('postmortemLint/indexChanged');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 3 }] });
      await changed;
      after = flattenActionItems((await client.connection.sendRequest('postmortemLint/actionItems', {})) as PostmortemActionItems[]);
      assert.equal(after.length, 4);
    });

    it('lets unsaved editor contents win over disk', async () => {
      const uri = uriOf(tree.dir, 'postmortems/2025-11-02-orders.md');
      const changed = client.waitForNotification('postmortemLint/indexChanged');
      await client.open(uri, OTHER.replace('- [x] Add a runbook for failover @sre due:2025-11-10\n', ''));
      await pull(client, uri);
      await changed;
      const items = flattenActionItems((await client.connection.sendRequest('postmortemLint/actionItems', {})) as PostmortemActionItems[]);
      assert.equal(items.filter((i) => i.uri === uri).length, 1);
    });

    it('re-lints when the settings change', async () => {
      const uri = uriOf(tree.dir, 'postmortems/2026-01-08-checkout.md');
      await client.open(uri, FLAWED);
      assert.ok((await pull(client, uri)).some((d) => d.code === 'PM023'));
      client.settings = { ...client.settings, rules: { PM023: 'off' } };
      const refreshed = client.waitForNotification('workspace/diagnostic/refresh');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await refreshed;
      assert.ok(!(await pull(client, uri)).some((d) => d.code === 'PM023'));
    });

    it('declines documents over the size limit with one diagnostic', async () => {
      fs.writeFileSync(path.join(tree.dir, '.postmortem-lint.json'), JSON.stringify({ maxFileSize: 100 }));
      const refreshed = client.waitForNotification('workspace/diagnostic/refresh');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(tree.dir, '.postmortem-lint.json'), type: 1 }] });
      await refreshed;
      const uri = uriOf(tree.dir, 'postmortems/2026-01-08-checkout.md');
      await client.open(uri, FLAWED);
      const diagnostics = await pull(client, uri);
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /over the 100 character limit/);
    });

    it('declines to lint a document over the live-lint limit while typing', async () => {
      const uri = uriOf(tree.dir, 'postmortems/huge.md');
      await client.open(uri, `${FLAWED}\n${'Filler line for a very large postmortem.\n'.repeat(30_000)}`);
      const diagnostics = await pull(client, uri);
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /Not linted while typing: [\d,]+ characters is over the 1,000,000 character limit/);
    });

    it('answers requests about unknown documents without failing', async () => {
      const uri = uriOf(tree.dir, 'never-opened.md');
      assert.deepEqual(await pull(client, uri), []);
      assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }), []);
      assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    });

    it('shuts down and exits cleanly', async () => {
      const exited = new Promise<number | null>((resolve) => client.process.on('exit', (code) => resolve(code)));
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      assert.equal(await exited, 0);
    });
  });

  describe('with push diagnostics (an LSP 3.16 client)', () => {
    beforeEach(async () => {
      client = await startServer(tree.dir, { pull: false });
    });

    it('publishes on open and change, and clears on close', async () => {
      const uri = uriOf(tree.dir, 'postmortems/2026-01-08-checkout.md');
      await client.open(uri, FLAWED);
      const first = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'PM023'));
      const count = first.filter((d) => d.code === 'PM023').length;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 17, character: 2 }, end: { line: 17, character: 2 } }, text: 'Investigate and ' }],
      });
      await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'PM023').length === count + 1);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.waitForDiagnostics(uri, (d) => d.length === 0);
    });
  });
});

describe('language server formatting over stdio', function () {
  this.timeout(30_000);
  const TIMELINE = [
    '# Postmortem: Disk full',
    '',
    '## Timeline',
    '',
    '| Time (UTC) | Event |',
    '|---|---|',
    '| 22:47 | Errors start |',
    '| 23:15 | Disk found full |',
    '| 22:52 | Alert acknowledged |',
    '| 0:30 | Logs cleaned |',
    '',
    '## Action Items',
    '',
    '| Action Item | Owner |',
    '|--|--|',
    '| Enable logrotate | DevOps |',
    '',
  ].join('\n');

  let tree: ReturnType<typeof tempTree>;
  let client: TestClient;
  beforeEach(async () => {
    tree = tempTree({ 'postmortems/disk.md': TIMELINE });
    client = await startServer(tree.dir, { pull: true });
  });
  afterEach(async () => {
    await client.stop();
    tree.cleanup();
  });

  function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return [...edits]
      .sort((a, b) => offset(b.range.start) - offset(a.range.start))
      .reduce((acc, e) => acc.slice(0, offset(e.range.start)) + e.newText + acc.slice(offset(e.range.end)), text);
  }

  it('aligns tables, pads times and sorts the timeline, losslessly and idempotently', async () => {
    const uri = pathToFileURL(path.join(tree.dir, 'postmortems/disk.md')).toString();
    await client.open(uri, TIMELINE);
    const edits = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as never[];
    const formatted = apply(TIMELINE, edits);
    assert.equal(
      formatted.split('\n').slice(4, 10).join('\n'),
      [
        '| Time (UTC) | Event              |',
        '| ---------- | ------------------ |',
        '| 22:47      | Errors start       |',
        '| 22:52      | Alert acknowledged |',
        '| 23:15      | Disk found full    |',
        '| 00:30      | Logs cleaned       |',
      ].join('\n'),
    );
    assert.match(formatted, /\| Enable logrotate \| DevOps \|/);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: formatted }] });
    const again = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as never[];
    assert.deepEqual(again, []);
  });

  it('formats only the tables in a range, and does not sort when the setting is off', async () => {
    client.settings = { ...client.settings, sortTimelineOnFormat: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = pathToFileURL(path.join(tree.dir, 'postmortems/disk.md')).toString();
    await client.open(uri, TIMELINE);
    const edits = (await client.connection.sendRequest('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 14, character: 0 }, end: { line: 15, character: 0 } },
      options: { tabSize: 2, insertSpaces: true },
    })) as never[];
    const formatted = apply(TIMELINE, edits);
    assert.equal(formatted.split('\n').slice(0, 11).join('\n'), TIMELINE.split('\n').slice(0, 11).join('\n'), 'timeline untouched');
    assert.match(formatted, /\| Action Item {6}\| Owner {2}\|/);
    const whole = apply(TIMELINE, (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as never[]);
    assert.match(whole, /\| 23:15 +\| Disk found full +\|\n\| 22:52/, 'order kept when sorting is off');
  });
});
