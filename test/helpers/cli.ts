import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoPath } from './paths';

/** What a run of the built CLI printed and returned. */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the bundled `dist/cli.js` (built by `npm test` before the suites) as a child process. */
export function runBuiltCli(args: string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [repoPath('dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** A temporary folder filled with the given files (paths relative to it); removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
