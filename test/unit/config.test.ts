import * as assert from 'node:assert/strict';
import { mergeConfigs, resolveSettings, validateConfig } from '../../server/src/core/config';
import { isPostmortem, looksLikePostmortem } from '../../server/src/core/detect';
import { rules } from '../../server/src/core/rules/index';

describe('config validation', () => {
  it('accepts a full, valid configuration', () => {
    const errors = validateConfig(
      {
        $schema: 'x',
        rules: { PM023: 'off', 'vague-action-item': { level: 'error' } },
        include: ['a/**/*.md'],
        severityScale: ['SEV1', 'SEV2'],
        requiredSections: { default: ['summary', 'timeline'] },
        blamePhrases: ['threw under the bus'],
        today: '2026-01-15',
        maxFileSize: 1000,
      },
      rules,
    );
    assert.deepEqual(errors, []);
  });

  it('reports each problem with its path', () => {
    const errors = validateConfig(
      { rules: { PM999: 'error', PM023: 'loud' }, today: '2026-13-01', include: 'x', requiredSections: { P0: ['nonsense'] }, colour: 1 },
      rules,
    );
    assert.deepEqual(
      errors.map((e) => e.path.join('.')),
      ['colour', 'include', 'today', 'requiredSections.P0.0', 'rules.PM999', 'rules.PM023'],
    );
  });

  it('rejects unknown rule options', () => {
    const errors = validateConfig({ rules: { PM023: { max: 3 } } }, rules);
    assert.match(errors[0].message, /no option "max"/);
  });

  it('merges configurations with later ones winning per rule', () => {
    const merged = mergeConfigs({ rules: { PM023: 'off', PM001: 'error' }, today: '2026-01-01' }, { rules: { PM023: 'warning' } });
    assert.deepEqual(merged, { rules: { PM023: 'warning', PM001: 'error' }, today: '2026-01-01' });
    assert.equal(resolveSettings(merged, '2030-01-01').today, '2026-01-01');
    assert.equal(resolveSettings({}, '2030-01-01').today, '2030-01-01');
  });
});

describe('postmortem detection', () => {
  it('matches the default globs but never a README or template by name', () => {
    assert.equal(isPostmortem('postmortems/2025/12-december/2025-12-15-disk-full.md', ''), true);
    assert.equal(isPostmortem('docs/incidents/2024-01-01.md', ''), true);
    assert.equal(isPostmortem('notes/2025-db-postmortem.md', ''), true);
    assert.equal(isPostmortem('postmortems/README.md', '# Postmortems\n'), false);
    assert.equal(isPostmortem('postmortems/template.md', '# Title\n'), false);
    assert.equal(isPostmortem('docs/design.md', '# Design\n'), false);
    assert.equal(isPostmortem('postmortems/image.png', ''), false);
  });

  it('recognises postmortems by content', () => {
    assert.equal(looksLikePostmortem('---\nincident_id: INC-1\n---\n# x\n'), true);
    assert.equal(looksLikePostmortem('---\ntitle: x\nseverity: P1\n---\n'), true);
    assert.equal(looksLikePostmortem('Intro\n\n## Post-mortem of the outage\n'), true);
    assert.equal(looksLikePostmortem('# Incident Report: DNS\n'), true);
    assert.equal(looksLikePostmortem('# Retrospective for Q3\n'), true);
    assert.equal(looksLikePostmortem('# Design doc\n\n## Postmortem process\n'), false);
    assert.equal(looksLikePostmortem('# postmortem-lint benchmark\n'), false, 'a word that merely starts with postmortem');
    assert.equal(looksLikePostmortem('---\ntitle: x\n---\n# Notes\n'), false);
  });

  it('honours include and exclude from the configuration', () => {
    assert.equal(isPostmortem('docs/x.md', '', { include: ['docs/**/*.md'] }), true);
    assert.equal(isPostmortem('postmortems/x.md', '# Postmortem: x', { exclude: ['postmortems/**'] }), false);
  });
});
