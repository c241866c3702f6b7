// End-to-end measurements of command-line tools over the corpus: our CLI and markdownlint-cli2.
import { openSync, closeSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from '../stats.mjs';

/** Wall time of one run of `node args…`, output discarded; throws if it did not finish normally. */
function wallMs(args, cwd, okCodes) {
  const devNull = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (!okCodes.includes(run.status)) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr?.slice(0, 500)}`);
    return ms;
  } finally {
    closeSync(devNull);
  }
}

/** `node dist/cli.js bench/.data/postmortems --format json` from the repository (exit 1: it found errors). */
export function cli(repo, dataDir, runs) {
  const args = [join('dist', 'cli.js'), join(relative(repo, dataDir), 'postmortems'), '--format', 'json'];
  return median(Array.from({ length: runs }, () => wallMs(args, repo, [0, 1])));
}

/** markdownlint-cli2 over the same files, with its default rules (a config file that says only that). */
export function markdownlintCli2(repo, dataDir, runs) {
  writeFileSync(join(dataDir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true } }\n');
  const bin = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  return median(Array.from({ length: runs }, () => wallMs([bin, 'postmortems/**/*.md'], dataDir, [0, 1])));
}
