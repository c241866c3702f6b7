import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/engine';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { summarizeIncident } from '../../server/src/core/workspace';
import { sharedRoot } from '../helpers/paths';

const PROCESS_RULES = ['PM040', 'PM041', 'PM050', 'PM051'];
const DOC = '---\nincident_id: INC-1\ndate: 2025-12-15\nroot_cause: Disk full on db-primary\n---\n\n# Postmortem\n';

describe('process and workspace rules', () => {
  it('PM050 ignores the workspace entry of the document itself', () => {
    const self = summarizeIncident(parsePostmortem(DOC), 'docs/pm/a.md');
    const problems = lint(DOC, { uri: 'docs/pm/a.md', workspace: { incidents: [self] }, today: '2026-01-15' }).problems;
    assert.deepEqual(problems.filter((p) => PROCESS_RULES.includes(p.ruleId)), []);
    const other = { ...self, uri: 'docs/pm/b.md' };
    const again = lint(DOC, { uri: 'docs/pm/a.md', workspace: { incidents: [self, other] }, today: '2026-01-15' }).problems;
    assert.deepEqual(again.filter((p) => p.ruleId === 'PM050').map((p) => p.data?.others), [['docs/pm/b.md']]);
  });

  it('PM051 takes a repeat_of naming the file when the earlier incident has no id', () => {
    const earlier = summarizeIncident(parsePostmortem('---\ndate: 2025-11-01\nroot_cause: Disk full on db-primary\n---\n# Old\n'), 'pm/old.md');
    const text = '---\ndate: 2025-12-15\nroot_cause: Disk full on db-primary\n---\n# New\n';
    const run = (t: string) => lint(t, { uri: 'pm/new.md', workspace: { incidents: [earlier] }, today: '2026-01-15' }).problems.filter((p) => p.ruleId === 'PM051');
    assert.equal(run(text).length, 1);
    assert.match(run(text)[0].message, /^Possible repeat of Old \(2025-11-01, same root cause\); its open action items: none are open/);
    assert.equal(run(text.replace('---\n#', 'repeat_of: old.md\n---\n#')).length, 0);
  });

  it('never throw on the corpus, linted as one workspace', function () {
    const dir = path.join(sharedRoot, 'corpus');
    if (!fs.existsSync(dir)) this.skip();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'ABOUT.md');
    const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const incidents = texts.map((t, k) => summarizeIncident(parsePostmortem(t), files[k]));
    for (const [k, text] of texts.entries()) {
      const problems = lint(text, { uri: files[k], workspace: { incidents }, today: '2026-01-15' }).problems;
      assert.deepEqual(problems.filter((p) => p.ruleId === 'PM000').map((p) => p.message), [], files[k]);
    }
  });
});
