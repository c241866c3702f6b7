// The whole test run: type-check, lint, build, then every suite, ending with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

function step(name, command, args) {
  process.stdout.write(`\n> ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    // Editor suites need the real vscode API: they run inside code-server (test/editor), not here.
    if (statSync(full).isDirectory()) return name === 'editor' ? [] : findTests(full);
    return name.endsWith('.test.js') ? [full] : [];
  });
}

let passed = 0;
let failed = 0;
const checks = [
  ['type-check', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.']],
  ['build', 'node', ['esbuild.mjs']],
];
for (const [name, command, args] of checks) {
  if (step(name, command, args)) passed++;
  else failed++;
}

const Mocha = require('mocha');
const mocha = new Mocha({ reporter: 'spec', timeout: 20000 });
for (const file of findTests(join(root, 'out', 'test'))) mocha.addFile(file);
process.stdout.write('\n> unit, fixture and CLI suites\n');
const runner = mocha.run(() => {
  passed += runner.stats?.passes ?? 0;
  failed += runner.stats?.failures ?? 0;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
});
