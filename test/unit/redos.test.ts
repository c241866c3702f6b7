import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { BLAME_PHRASES } from '../../server/src/core/language/blameLexicon';
import { FAILURE_HINT } from '../../server/src/core/language/namedBlame';
import { PhraseMatcher } from '../../server/src/core/language/phrases';
import { VAGUE_PHRASES } from '../../server/src/core/rules/pm023-vague-action-item';
import { checkSync } from 'recheck';
import { regexLiterals, type RegexLiteral } from '../helpers/regexLiterals';
import { repoPath, repoRoot } from '../helpers/paths';

/**
 * Every regex written in server/src and client/src is checked by recheck's pure-JS backend (no download, no
 * Java). A full check takes minutes on two cores, so verdicts are kept in redos-baseline.json, keyed by
 * pattern and flags: a new or changed regex is checked live. Any vulnerable verdict fails, exponential or
 * polynomial (quadratic on a long run such as `((((…`): the baseline only ever holds safe ones.
 * `REDOS_UPDATE=1` re-checks everything and rewrites the baseline with the safe verdicts.
 */
type Verdict = 'safe';
// checkSync reads its backend from the environment at each call: 'pure' runs recheck's Scala.js build in
// this process, never the native binary, a JVM or a download.
process.env.RECHECK_SYNC_BACKEND = 'pure';
process.env.RECHECK_BACKEND = 'pure';
const BASELINE = repoPath('test', 'unit', 'redos-baseline.json');
const UPDATE = process.env.REDOS_UPDATE === '1';

function key(r: RegexLiteral): string {
  return `/${r.source}/${r.flags.replace(/[gy]/g, '')}`;
}

function check(r: RegexLiteral): { verdict: Verdict | 'polynomial' | 'exponential' | 'unknown'; attack?: string } {
  const flags = r.flags.replace(/[gy]/g, '');
  let result = checkSync(r.source, flags, { timeout: 60_000 });
  // The automaton checker can run out of time on long alternations; the fuzzer then decides.
  if (result.status === 'unknown') result = checkSync(r.source, flags, { timeout: 60_000, checker: 'fuzz' });
  if (result.status === 'safe') return { verdict: 'safe' };
  if (result.status === 'vulnerable') return { verdict: result.complexity.type === 'exponential' ? 'exponential' : 'polynomial', attack: result.attack.pattern };
  return { verdict: 'unknown' };
}

describe('regular expressions: ReDoS (recheck, pure backend)', function () {
  this.timeout(UPDATE ? 1_800_000 : 300_000);
  const { literals, dynamic } = regexLiterals([repoPath('server', 'src'), repoPath('client', 'src')], repoRoot);
  const baseline: Record<string, Verdict> = fs.existsSync(BASELINE) ? JSON.parse(fs.readFileSync(BASELINE, 'utf8')) : {};

  it('the checker works offline and finds a catastrophic pattern', () => {
    const result = checkSync('^(a+)+$', '');
    assert.equal(result.status, 'vulnerable');
    assert.equal(result.status === 'vulnerable' && result.complexity.type, 'exponential');
  });

  it(`finds the regexes (only escaped phrases, sticky copies of checked literals and the failure-word hint are built at run time)`, () => {
    assert.ok(literals.length > 300, `${literals.length} regexes`);
    assert.deepEqual(dynamic.map((d) => d.replace(/:\d+$/, '')).sort(), [
      'server/src/core/language/candidates.ts',
      'server/src/core/language/namedBlame.ts',
      'server/src/core/language/phrases.ts',
      'server/src/core/model/severity.ts',
    ]);
  });

  // Built at run time from word lists, so they are checked here rather than through the baseline; with the
  // same time limit and fuzzing fallback as the literals (a loaded machine made the default limit flaky).
  const builtAtRunTime: [string, RegExp][] = [
    ['the failure-word hint', FAILURE_HINT],
    ['the built-in blame phrases', new PhraseMatcher(BLAME_PHRASES).pattern!],
    ['the built-in vague phrases', new PhraseMatcher(VAGUE_PHRASES).pattern!],
  ];
  for (const [name, pattern] of builtAtRunTime) {
    it(`${name}, built from word lists, is safe`, () => {
      const { verdict, attack } = check({ source: pattern.source, flags: pattern.flags, file: name, line: 0 });
      assert.equal(verdict, 'safe', attack);
    });
  }

  it('no regex is vulnerable (neither exponential nor polynomial)', () => {
    const failures: string[] = [];
    const next: Record<string, Verdict> = {};
    for (const r of literals) {
      const k = key(r);
      // Only a safe verdict is ever taken from the baseline; anything else there is checked again.
      let verdict: Verdict | 'polynomial' | 'exponential' | 'unknown' | undefined = !UPDATE && baseline[k] === 'safe' ? 'safe' : undefined;
      let attack: string | undefined;
      if (!verdict) ({ verdict, attack } = check(r));
      if (verdict === 'safe') next[k] = verdict;
      else failures.push(`${r.file}:${r.line} /${r.source}/${r.flags}: ${verdict}${attack ? `, attack ${attack}` : ''}`);
    }
    if (UPDATE) fs.writeFileSync(BASELINE, `${JSON.stringify(next, Object.keys(next).sort(), 2)}\n`);
    assert.deepEqual(failures, []);
  });
});
