import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBuiltCli, tempTree } from '../helpers/cli';

/** Files as they come out of real repositories: odd line endings, huge, unreadable, linked in loops. */
const DOC = '# Postmortem: Cache stampede\n\n## Action Items\n\n- Improve monitoring\n';

interface JsonProblem { file: string; line: number; column: number; ruleId: string }

describe('CLI (built binary): awkward files', function () {
  this.timeout(60_000);
  let tree: ReturnType<typeof tempTree>;
  beforeEach(() => {
    tree = tempTree({ 'postmortems/ok.md': DOC });
  });
  afterEach(() => tree.cleanup());

  const json = (args: string[]) => {
    const run = runBuiltCli([...args, '--format', 'json', '--today', '2026-01-15'], tree.dir);
    return { ...run, problems: JSON.parse(run.stdout || '[]') as JsonProblem[] };
  };

  it('reads lone CR and CRLF line endings with the same lines as LF', () => {
    fs.writeFileSync(path.join(tree.dir, 'postmortems', 'cr.md'), DOC.replace(/\n/g, '\r'));
    fs.writeFileSync(path.join(tree.dir, 'postmortems', 'crlf.md'), DOC.replace(/\n/g, '\r\n'));
    const run = json(['postmortems']);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const at = (file: string) => run.problems.filter((p) => p.file === `postmortems/${file}`).map((p) => `${p.ruleId}@${p.line}:${p.column}`).sort();
    assert.ok(at('ok.md').includes('PM023@5:3'));
    assert.deepEqual(at('cr.md'), at('ok.md'));
    assert.deepEqual(at('crlf.md'), at('ok.md'));
  });

  it('--fix on a CRLF file keeps CRLF (and a lone-CR file keeps CR)', () => {
    const crlf = path.join(tree.dir, 'postmortems', 'crlf.md');
    const cr = path.join(tree.dir, 'postmortems', 'cr.md');
    fs.writeFileSync(crlf, DOC.replace(/\n/g, '\r\n'));
    fs.writeFileSync(cr, DOC.replace(/\n/g, '\r'));
    runBuiltCli(['postmortems', '--fix', '--today', '2026-01-15'], tree.dir);
    const fixed = fs.readFileSync(crlf, 'utf8');
    assert.notEqual(fixed, DOC.replace(/\n/g, '\r\n'), 'something was fixed');
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF in a CRLF file');
    assert.equal(fs.readFileSync(cr, 'utf8').includes('\n'), false, 'no LF in a CR file');
  });

  it('declines a 10 MB file with the notice and exit 0', () => {
    fs.writeFileSync(path.join(tree.dir, 'postmortems', 'huge.md'), `# Postmortem: logs\n\n${'x'.repeat(99)}\n`.repeat(100_000));
    const run = json(['postmortems/huge.md']);
    assert.equal(run.code, 0);
    assert.deepEqual(run.problems, []);
    assert.match(run.stderr, /huge\.md: not linted: [\d,]+ bytes is over the [\d,]+ byte limit/);
  });

  it('reports an unreadable path with a notice, and still lints the rest', () => {
    const dir = path.join(tree.dir, 'postmortems');
    // Root reads through chmod 000: a folder named like a file, and a dangling link, are unreadable for anyone.
    fs.mkdirSync(path.join(dir, 'folder.md'));
    fs.symlinkSync(path.join(dir, 'missing-target.md'), path.join(dir, 'dangling.md'));
    const locked = path.join(dir, 'locked.md');
    fs.writeFileSync(locked, DOC);
    fs.chmodSync(locked, 0o000);
    const rootReads = (() => {
      try {
        fs.readFileSync(locked);
        return true;
      } catch {
        return false;
      }
    })();
    const run = json(['postmortems']);
    fs.chmodSync(locked, 0o644);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
    assert.ok(run.problems.some((p) => p.file === 'postmortems/ok.md'), 'the readable file is linted');
    assert.match(run.stderr, /postmortems\/dangling\.md: cannot be read \(ENOENT\)/);
    assert.equal(run.problems.some((p) => p.file.startsWith('postmortems/folder.md')), false, 'a folder named x.md is a folder');
    if (!rootReads) assert.match(run.stderr, /locked\.md: cannot be read \(EACCES\)/);
    // Named explicitly, a path that cannot be opened is a usage error.
    const named = runBuiltCli(['postmortems/dangling.md'], tree.dir);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /no file or folder matches "postmortems\/dangling\.md"/);
  });

  it('finishes a walk over a symlink loop', () => {
    fs.symlinkSync('..', path.join(tree.dir, 'postmortems', 'loop'));
    fs.symlinkSync(path.join(tree.dir, 'postmortems'), path.join(tree.dir, 'postmortems', 'self'));
    const started = Date.now();
    const run = json(['.']);
    assert.ok(Date.now() - started < 20_000);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.deepEqual([...new Set(run.problems.map((p) => p.file))], ['postmortems/ok.md']);
  });
});
