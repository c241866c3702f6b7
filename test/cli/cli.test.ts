import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBuiltCli, tempTree } from '../helpers/cli';

const VAGUE = `# Postmortem: Cache stampede

## Action Items

- Improve monitoring
`;

const CLEAN_README = `# Our postmortems

Improve monitoring is something we say too often.
`;

describe('CLI (built binary)', function () {
  this.timeout(60_000);
  let tree: ReturnType<typeof tempTree>;

  beforeEach(() => {
    tree = tempTree({
      'postmortems/2026/2026-01-02-cache.md': VAGUE,
      'postmortems/README.md': CLEAN_README,
      'docs/design.md': '# Design\n\n## Action Items\n\n- Improve monitoring\n',
      'docs/notes.md': '# Incident Review: queue backlog\n\n## Action Items\n\n- Look into the queue\n',
    });
  });
  afterEach(() => tree.cleanup());

  it('prints help and version with exit 0', () => {
    const help = runBuiltCli(['--help'], tree.dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: postmortem-lint/);
    const version = runBuiltCli(['--version'], tree.dir);
    assert.equal(version.code, 0);
    assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
  });

  it('finds postmortems by path and content, never a README or design doc', () => {
    const run = runBuiltCli(['.', '--format', 'json', '--today', '2026-01-15'], tree.dir);
    const files = [...new Set((JSON.parse(run.stdout) as { file: string }[]).map((p) => p.file))].sort();
    assert.deepEqual(files, ['docs/notes.md', 'postmortems/2026/2026-01-02-cache.md']);
  });

  it('always lints files named explicitly', () => {
    const run = runBuiltCli(['docs/design.md', '--format', 'json'], tree.dir);
    const problems = JSON.parse(run.stdout) as { file: string; ruleId: string }[];
    assert.ok(problems.some((p) => p.file === 'docs/design.md' && p.ruleId === 'PM023'));
  });

  it('prints the JSON shape with 1-based positions', () => {
    const run = runBuiltCli(['postmortems/2026/2026-01-02-cache.md', '--format', 'json', '--today', '2026-01-15'], tree.dir);
    const problems = JSON.parse(run.stdout) as Record<string, unknown>[];
    const vague = problems.find((p) => p.ruleId === 'PM023');
    assert.deepEqual(vague, {
      file: 'postmortems/2026/2026-01-02-cache.md',
      line: 5,
      column: 3,
      endLine: 5,
      endColumn: 21,
      ruleId: 'PM023',
      ruleName: 'vague-action-item',
      tags: ['action-items'],
      severity: 'warning',
      message: vague?.message,
      fixable: false,
    });
    for (const p of problems) {
      assert.deepEqual(Object.keys(p), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'ruleName', 'tags', 'severity', 'message', 'fixable']);
    }
  });

  it('prints valid SARIF 2.1.0 with rules and regions', () => {
    const run = runBuiltCli(['postmortems', '--format', 'sarif'], tree.dir);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runOut] = sarif.runs;
    assert.equal(runOut.tool.driver.name, 'postmortem-lint');
    assert.ok(runOut.tool.driver.rules.some((r: { id: string; helpUri: string }) => r.id === 'PM023' && r.helpUri.endsWith('PM023-vague-action-item.md')));
    const result = runOut.results.find((r: { ruleId: string }) => r.ruleId === 'PM023');
    assert.equal(result.level, 'warning');
    assert.equal(runOut.tool.driver.rules[result.ruleIndex].id, 'PM023');
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'postmortems/2026/2026-01-02-cache.md');
    assert.deepEqual(location.region, { startLine: 5, startColumn: 3, endLine: 5, endColumn: 21 });
  });

  it('prints GitHub workflow annotations', () => {
    const run = runBuiltCli(['postmortems', '--format', 'github'], tree.dir);
    assert.match(run.stdout, /^::warning file=postmortems\/2026\/2026-01-02-cache\.md,line=5,endLine=5,col=3,endColumn=21,title=PM023 vague-action-item::Vague action item/m);
  });

  it('prints stylish output with a summary', () => {
    const run = runBuiltCli(['postmortems'], tree.dir);
    assert.match(run.stdout, /postmortems\/2026\/2026-01-02-cache\.md\n(?:.*\n)*?\s+5:3\s+warning\s+Vague action item/);
    assert.match(run.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\)/);
  });

  it('exits 0 for warnings only, 1 over --max-warnings, and --quiet hides warnings', () => {
    fs.writeFileSync(path.join(tree.dir, 'only-vague.json'), JSON.stringify({ rules: { PM023: 'warning' } }));
    const lintOnly = (extra: string[]) => runBuiltCli(['postmortems', '--config', 'only-vague.json', ...extra], tree.dir);
    const errorsOf = (run: { stdout: string }) => (JSON.parse(run.stdout) as { severity: string }[]).filter((p) => p.severity === 'error').length;
    const base = lintOnly(['--format', 'json']);
    assert.equal(base.code, errorsOf(base) > 0 ? 1 : 0);
    const tooMany = lintOnly(['--max-warnings', '0']);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr, /too many warnings/);
    const quiet = lintOnly(['--quiet', '--format', 'json']);
    assert.ok((JSON.parse(quiet.stdout) as { severity: string }[]).every((p) => p.severity === 'error'));
  });

  it('exits 1 when there are errors', () => {
    fs.writeFileSync(path.join(tree.dir, 'strict.json'), JSON.stringify({ rules: { 'vague-action-item': 'error' } }));
    const run = runBuiltCli(['postmortems', '--config', 'strict.json'], tree.dir);
    assert.equal(run.code, 1);
  });

  it('exits 2 for bad usage', () => {
    for (const args of [['--format', 'xml'], ['--today', '2026-02-30'], ['--max-warnings', '-1'], ['--bogus'], ['no-such-dir']]) {
      const run = runBuiltCli(args, tree.dir);
      assert.equal(run.code, 2, `exit code for ${args.join(' ')}`);
      assert.match(run.stderr, /postmortem-lint: /);
    }
  });

  it('exits 2 for a broken config file, naming the file and the line', () => {
    fs.writeFileSync(path.join(tree.dir, '.postmortem-lint.json'), '{\n  "rules": {\n    "PM999": "error"\n  }\n}\n');
    const unknownRule = runBuiltCli(['postmortems'], tree.dir);
    assert.equal(unknownRule.code, 2);
    assert.match(unknownRule.stderr, /\.postmortem-lint\.json:3: Unknown rule "PM999"/);
    fs.writeFileSync(path.join(tree.dir, '.postmortem-lint.json'), '{\n  "rules": {\n    "PM023": "loud"\n');
    const syntax = runBuiltCli(['postmortems'], tree.dir);
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /\.postmortem-lint\.json:\d+: invalid JSON/);
    fs.rmSync(path.join(tree.dir, '.postmortem-lint.json'));
    fs.writeFileSync(path.join(tree.dir, '.postmortem-lint.yaml'), 'rules:\n  PM023:\n    level: loud\n');
    const yaml = runBuiltCli(['postmortems'], tree.dir);
    assert.equal(yaml.code, 2);
    assert.match(yaml.stderr, /\.postmortem-lint\.yaml:3: Level must be one of/);
  });

  it('refuses a config that would run code', () => {
    fs.writeFileSync(path.join(tree.dir, 'evil.js'), 'require("fs").writeFileSync("pwned", "x"); module.exports = {};');
    const run = runBuiltCli(['postmortems', '--config', 'evil.js'], tree.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /never runs code/);
    assert.equal(fs.existsSync(path.join(tree.dir, 'pwned')), false);
  });

  it('skips binary and non-UTF-8 files with a notice, and reads UTF-16 with a BOM', () => {
    fs.writeFileSync(path.join(tree.dir, 'postmortems', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(tree.dir, 'postmortems', 'latin1.md'), Buffer.from('# Postmortem: caf\xe9\n', 'latin1'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VAGUE, 'utf16le')]);
    fs.writeFileSync(path.join(tree.dir, 'postmortems', 'utf16.md'), utf16);
    const run = runBuiltCli(['postmortems', '--format', 'json'], tree.dir);
    assert.match(run.stderr, /postmortems\/binary\.md: skipped: looks like a binary file/);
    assert.match(run.stderr, /postmortems\/latin1\.md: skipped: not valid UTF-8 text/);
    const problems = JSON.parse(run.stdout) as { file: string; ruleId: string }[];
    assert.ok(problems.some((p) => p.file === 'postmortems/utf16.md' && p.ruleId === 'PM023'));
  });

  it('declines files over the size limit with a notice', () => {
    fs.writeFileSync(path.join(tree.dir, 'small.json'), JSON.stringify({ maxFileSize: 50 }));
    const run = runBuiltCli(['postmortems/2026/2026-01-02-cache.md', '--config', 'small.json', '--format', 'json'], tree.dir);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.match(run.stderr, /not linted: \d+ bytes is over the 50 byte limit/);
  });
});
