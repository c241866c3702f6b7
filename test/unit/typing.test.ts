import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/engine';
import { repoPath } from '../helpers/paths';

/**
 * Typing simulation, as markdownlint does it: every prefix of each example postmortem is a document someone
 * had open on the way to writing it. Character by character for the first 2 KB, then every 37th prefix.
 */
const CHARACTER_BY_CHARACTER = 2048;
const STRIDE = 37;

function examples(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? examples(full) : e.name.endsWith('.md') ? [full] : [];
  });
}

function prefixLengths(length: number): number[] {
  const out: number[] = [];
  for (let n = 0; n <= length; n += n < CHARACTER_BY_CHARACTER ? 1 : STRIDE) out.push(n);
  if (out[out.length - 1] !== length) out.push(length);
  return out;
}

describe('typing simulation (every prefix of the examples)', function () {
  this.timeout(60_000);
  for (const file of examples(repoPath('examples', 'postmortems'))) {
    it(`${path.basename(file)}: every prefix lints without a throw or PM000`, () => {
      const text = fs.readFileSync(file, 'utf8');
      for (const n of prefixLengths(text.length)) {
        const prefix = text.slice(0, n);
        const problems = lint(prefix, { today: '2026-01-15' }).problems;
        const internal = problems.filter((p) => p.ruleId === 'PM000');
        assert.deepEqual(internal.map((p) => p.message), [], `prefix of ${n} characters`);
        for (const p of problems) assert.ok(p.span.end <= n, `${p.ruleId} range past the end of a ${n}-character prefix`);
      }
    });
  }
});
