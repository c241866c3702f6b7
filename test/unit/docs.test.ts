import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ruleDocFile } from '../../server/src/core/rules/docs';
import { rules } from '../../server/src/core/rules/index';
import { configSchema, withRuleTable } from '../../server/src/docs/generated';
import { repoPath } from '../helpers/paths';

describe('generated docs', () => {
  it('README rule table matches the registry (run `npm run gen` when this fails)', () => {
    const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
    assert.equal(readme, withRuleTable(readme, rules));
  });

  it('shipped JSON Schema matches the registry (run `npm run gen` when this fails)', () => {
    const shipped = JSON.parse(fs.readFileSync(repoPath('schemas', 'postmortem-lint.schema.json'), 'utf8'));
    assert.deepEqual(shipped, configSchema(rules));
  });

  it('rule ids and aliases are unique and well formed', () => {
    const ids = rules.map((r) => r.id);
    const aliases = rules.map((r) => r.alias);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(aliases).size, aliases.length);
    for (const rule of rules) {
      assert.match(rule.id, /^PM\d{3}$/);
      assert.match(rule.alias, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    assert.deepEqual([...ids], [...ids].sort(), 'the registry is ordered by id');
  });

  for (const rule of rules) {
    it(`${rule.id} has a doc page that matches the rule`, () => {
      const file = repoPath('docs', 'rules', ruleDocFile(rule));
      assert.ok(fs.existsSync(file), `missing ${file}`);
      const page = fs.readFileSync(file, 'utf8');
      assert.ok(page.startsWith(`# ${rule.id} \`${rule.alias}\``), 'title line');
      const meta = `Tags: ${rule.tags.map((t) => `\`${t}\``).join(', ')} · Default level: ${rule.defaultLevel} · Fixable: ${rule.fixable ? 'yes' : 'no'}`;
      assert.ok(page.includes(meta), `doc page must say: ${meta}`);
      for (const section of ['## Why', '## Bad', '## Good', '## Options']) assert.ok(page.includes(section), `missing ${section}`);
      for (const option of Object.keys(rule.options)) assert.ok(page.includes(`\`${option}\``), `option ${option} is not documented`);
    });
  }
});
