import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixText, lint } from '../../server/src/core/engine';
import { rules } from '../../server/src/core/rules/index';
import { fixtureFiles, readFixture } from '../helpers/fixtures';
import { repoPath } from '../helpers/paths';

const TODAY = '2026-01-15';

describe('rule fixtures', () => {
  for (const rule of rules) {
    describe(`${rule.id} ${rule.alias}`, () => {
      const files = fixtureFiles(repoPath('test', 'fixtures', 'rules', rule.id));

      it('has must-report and must-not-report fixtures', () => {
        const fixtures = files.map(readFixture);
        assert.ok(fixtures.some((f) => f.expected.length > 0), `no fixture of ${rule.id} expects a problem`);
        assert.ok(fixtures.some((f) => f.expected.length === 0), `no fixture of ${rule.id} is clean`);
      });

      for (const file of files) {
        it(path.basename(file), () => {
          const fixture = readFixture(file);
          const options = { config: fixture.config, today: TODAY, workspace: fixture.workspace, uri: path.basename(file) };
          const result = lint(fixture.text, options);
          const internal = result.problems.filter((p) => p.ruleId === 'PM000');
          assert.deepEqual(internal, [], 'a rule threw');
          const actual = result.problems
            .filter((p) => p.ruleId === rule.id)
            .map((p) => `${p.range.start.line + 1}: ${p.ruleId} ${p.message}`);
          const expected = fixture.expected.filter((e) => e.ruleId === rule.id).map((e) => `${e.line + 1}: ${e.ruleId}`);
          assert.deepEqual(
            actual.map((a) => a.slice(0, a.indexOf(rule.id) + rule.id.length)),
            expected,
            `problems reported:\n${actual.join('\n')}`,
          );
          for (const problem of result.problems) {
            assert.ok(problem.span.start <= problem.span.end && problem.span.end <= fixture.text.length, 'range outside the document');
          }
          if (fixture.fixed !== undefined) {
            const fixed = fixText(fixture.text, { ...options, rules: [rule] });
            assert.equal(fixed.text, fixture.fixed, 'fixed text differs from the .fixed.md file');
            const again = lint(fixed.text, { ...options, rules: [rule] });
            assert.deepEqual(again.problems.filter((p) => p.fix).map((p) => p.message), [], 'fixable problems remain after fixing');
          }
        });
      }
    });
  }
});
