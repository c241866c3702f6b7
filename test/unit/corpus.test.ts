import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixText, lint } from '../../server/src/core/engine';
import { sharedRoot } from '../helpers/paths';

const corpusDir = path.join(sharedRoot, 'corpus');

describe('real postmortems (../shared/corpus)', () => {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'ABOUT.md');

  it('holds the 73 documents', () => {
    assert.equal(files.length, 73);
  });

  for (const file of files) {
    it(`lints ${file} without a crash, with every range inside the document, and fixes converge`, () => {
      const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
      const result = lint(text, { today: '2026-01-15' });
      assert.deepEqual(result.problems.filter((p) => p.ruleId === 'PM000').map((p) => p.message), []);
      for (const p of result.problems) {
        assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `${p.ruleId} range`);
      }
      const fixed = fixText(text, { today: '2026-01-15' });
      assert.deepEqual(fixed.result.problems.filter((p) => p.fix).map((p) => `${p.ruleId} ${p.message}`), [], 'fixable problems left after --fix');
    });
  }
});
