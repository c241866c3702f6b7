// `npm start`: build, then lint the bundled examples. The flawed examples are meant to report errors, so
// exit code 1 is the expected outcome here; only a crash or bad usage (exit 2) fails the command.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const lint = spawnSync(process.execPath, ['dist/cli.js', 'examples/', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (lint.status === 0 || lint.status === 1) {
  console.log('\nLinted examples/: the exemplary postmortem is clean; the two flawed ones show what postmortem-lint finds.');
  process.exit(0);
}
process.exit(lint.status ?? 1);
