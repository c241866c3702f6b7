import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseYamlDocument, readFlatYaml } from '../../server/src/core/model/frontMatter';
import type { FrontMatter } from '../../server/src/core/model/types';

/** What the YAML parser makes of a front matter source: the reference the fast path must equal. */
function viaYaml(source: string, base: number): Pick<FrontMatter, 'data' | 'entries' | 'errors'> {
  const frontMatter: FrontMatter = { kind: 'yaml', span: { start: 0, end: 0 }, contentSpan: { start: 0, end: 0 }, closed: true, entries: [], errors: [] };
  parseYamlDocument(source, base, frontMatter);
  return { data: frontMatter.data, entries: frontMatter.entries, errors: frontMatter.errors };
}

/** Asserts that the fast path either declines or gives exactly what the YAML parser gives. */
function assertSameAsYaml(source: string, base = 4): boolean {
  const flat = readFlatYaml(source, base);
  if (!flat) return false;
  const full = viaYaml(source, base);
  assert.deepEqual(full.errors, [], `YAML reports errors the fast path missed in ${JSON.stringify(source)}`);
  assert.deepEqual(flat.data, full.data, JSON.stringify(source));
  assert.deepEqual(flat.entries, full.entries, JSON.stringify(source));
  return true;
}

describe('flat front matter fast path', () => {
  it('reads the common front matter and gives the YAML parser\'s data and spans', () => {
    const source = 'incident_id: INC-2024-02814\ntitle: notifications outage after a schema migration\ndate: 2024-08-17\nseverity: P1\n\nstatus: final\ntags: [notifications, infrastructure]\nempty: []\n';
    assert.ok(assertSameAsYaml(source));
    assert.deepEqual(readFlatYaml(source, 0)?.data.tags, ['notifications', 'infrastructure']);
  });

  it('leaves everything else to the YAML parser', () => {
    for (const source of [
      '',
      'severity: 2\n',
      'draft: true\n',
      'owner: ~\n',
      'title: "quoted"\n',
      'title: a # comment\n',
      'title: a: b\n',
      'title: a\n  continued\n',
      'date:\n',
      'a: x\na: y\n',
      '__proto__: x\n',
      'tags: [a,b]\n',
      'tags: [1, b]\n',
      'tags:\n  - a\n',
      'title: trailing \n',
      'title: tab\there\n',
      'title: x\r\n',
      '# comment\ntitle: x\n',
      'title: x',
    ]) {
      assert.equal(readFlatYaml(source, 0), undefined, JSON.stringify(source));
    }
  });

  it('agrees with the YAML parser on generated front matter', () => {
    // Keys and values from small alphabets full of YAML's special characters, so that most samples probe
    // an edge (an indicator, a comment, a number, a nested mapping) and some are still flat.
    const key = fc.oneof(fc.stringMatching(/^[A-Za-z_][\w-]{0,6}$/), fc.constantFrom('true', 'Null', 'y', 'on', '1', '__proto__', 'constructor', 'a b', 'a:b'));
    const scalar = fc.oneof(
      fc.stringMatching(/^[ -~]{0,12}$/),
      fc.stringMatching(/^[a-z0-9 :#,'"\-.[\]{}&*!|>%@`?~+]{0,10}$/),
      fc.constantFrom('2024-08-17', 'P1', '0x1F', '0o17', '1e3', '.inf', '-.Inf', '.NaN', '12', '+1', '1.5', 'NULL', 'False', 'yes', 'INC-2024-02814', 'é', 'a\tb'),
    );
    const item = fc.oneof(fc.stringMatching(/^[\w./ :#-]{0,6}$/), fc.constantFrom('1', 'true', 'a.b', 'x/y', '~'));
    const list = fc.tuple(fc.array(item, { maxLength: 3 }), fc.constantFrom(', ', ',', ' ,')).map(([items, sep]) => `[${items.join(sep)}]`);
    // Nearly flat: a plain key, `: `, and a value that opens with a letter or digit.
    const nearlyFlat = fc.tuple(fc.stringMatching(/^[a-z_]{1,5}$/), fc.oneof(fc.stringMatching(/^[a-zA-Z0-9][ -~]{0,10}$/), list)).map(([k, v]) => `${k}: ${v}`);
    const line = fc.oneof(
      { arbitrary: nearlyFlat, weight: 6 },
      fc.tuple(key, fc.constantFrom(': ', ':', ':  ', ' : '), fc.oneof(scalar, list)).map(([k, sep, v]) => `${k}${sep}${v}`),
      fc.constantFrom('', '  ', '# c', '  indented: x', '- item', '---', '%YAML 1.1'),
    );
    let flat = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        if (assertSameAsYaml(`${lines.join('\n')}\n`)) flat++;
      }),
      { seed: 20261128, numRuns: 3000 },
    );
    // The generator must reach the fast path often enough for the comparison to mean something.
    assert.ok(flat > 300, `only ${flat} samples took the fast path`);
  });
});
