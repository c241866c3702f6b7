// The packaged extension in code-server on a copy of examples/: shared by the end-to-end test (e2e.mjs) and
// `npm run try`. Builds the .vsix with `npm run package`, installs it into a fresh extensions folder (as a
// user would, not as an extension under development) and starts code-server on a free loopback port.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, createRunDir, ensureProvisioned, freePort, installVsix, startCodeServer } from '../editor/codeServer.mjs';

const root = new URL('../..', import.meta.url).pathname;
/** The package `npm run package` writes. */
export const vsixPath = join(root, 'postmortem-lint.vsix');

/** Runs `npm run package`; throws with its output when it fails. */
export function buildVsix() {
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(vsixPath)) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
  return vsixPath;
}

/**
 * Provisions code-server if needed, installs `vsix` into a fresh profile in a new run folder (`kind` names it),
 * copies examples/ there and starts code-server on it. Resolves with the run folder, the workspace copy, the
 * installed extension's folder name, the workbench URL and the code-server handle (stop() ends it), which
 * `onSpawn` also gets as soon as code-server's process exists.
 */
export async function startExamplesServer({ kind, vsix, log, port, onSpawn }) {
  ensureProvisioned(log);
  const dir = createRunDir(kind);
  const dirs = { userData: join(dir, 'user-data'), extensions: join(dir, 'extensions'), home: join(dir, 'xdg') };
  createProfile(dirs);
  installVsix(dirs, vsix);
  const installed = readdirSync(dirs.extensions).find((name) => name.startsWith('postmortem-lint.postmortem-lint-'));
  if (!installed) throw new Error(`the .vsix installed nothing into ${dirs.extensions}`);
  // The examples are meant to be flawed: quick fixes and saves land in the copy, never in the repository.
  const workspace = join(dir, 'workspace', 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  port ??= await freePort();
  const server = await startCodeServer({ dirs, port, workspacePath: workspace, env: {}, logFile: join(dir, 'code-server.log'), onSpawn });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  return { dir, workspace, installed, url, server };
}
