// The whole test run: type-check, lint, build, the unit/fixture/CLI/protocol suites, then the editor suites
// inside a real VS Code (code-server, provisioned on first use) and the end-to-end test of the packaged
// .vsix, ending with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;

function step(name, command, args) {
  process.stdout.write(`\n> ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) passed++;
  else failed++;
  return result.status === 0;
}

/** Runs a command whose last line is "N passed, N failed" and adds its totals (one failure if it has none). */
function countedStep(name, command, args) {
  process.stdout.write(`\n> ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  const totals = /^(\d+) passed, (\d+) failed$/m.exec((result.stdout ?? '').trim().split('\n').pop() ?? '');
  if (totals) {
    passed += Number(totals[1]);
    failed += Number(totals[2]);
  }
  if (!totals || (result.status !== 0 && Number(totals[2]) === 0)) failed++;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    // Editor suites need the real vscode API: they run inside code-server below, not here.
    if (statSync(full).isDirectory()) return name === 'editor' ? [] : findTests(full);
    return name.endsWith('.test.js') ? [full] : [];
  });
}

function runMocha() {
  const Mocha = require('mocha');
  const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
  for (const file of findTests(join(root, 'out', 'test'))) mocha.addFile(file);
  process.stdout.write('\n> unit, fixture, CLI and protocol suites\n');
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      passed += runner.stats?.passes ?? 0;
      failed += runner.stats?.failures ?? 0;
      resolve();
    });
  });
}

step('type-check', 'npx', ['tsc', '-b']);
step('lint', 'npx', ['eslint', '.']);
const built = step('build', 'node', ['esbuild.mjs']);
await runMocha();
if (built && step('provision code-server and Chromium for the editor tests', 'node', ['test/editor/provision.mjs'])) {
  const editor = (tests, workspace) => ['test/editor/runEditorTests.mjs', '--extension', '.', '--tests', tests, '--workspace', workspace];
  countedStep('editor suites (code-server)', 'node', editor('test/editor/extension-suite', 'test/editor/workspace'));
  countedStep('editor suites, multi-root (code-server)', 'node', editor('test/editor/multiroot-suite', 'test/editor/multi-root.code-workspace'));
  // The README's screenshots are refreshed by `npm run test:e2e`; here they go where git does not look.
  countedStep('end-to-end: the packaged .vsix in code-server', 'node', ['test/e2e/e2e.mjs', '--screenshots', '.vscode-test/screenshots']);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
