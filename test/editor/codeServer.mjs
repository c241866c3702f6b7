// Starting and stopping code-server for one editor-test run: a fresh profile, a free loopback port, and a
// process group that is stopped as a whole (the extension host, pty host and file watcher are its children).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, chromiumPath, codeServerConfig, codeServerEntry, isProvisioned } from './provision.mjs';

/** The environment variable, given to code-server and so to its extension host, naming the results file. */
export const RESULTS_ENV = 'POSTMORTEM_EDITOR_TEST_RESULTS';
/** The environment variable that passes a mocha --grep pattern to the suites (see mochaInExtensionHost.js). */
export const GREP_ENV = 'POSTMORTEM_EDITOR_TEST_GREP';

const delay = (ms) => new Promise((r) => setTimeout(r, ms));
/** A deadline for Promise.race that does not keep the process alive once the race is won. */
export const grace = (ms) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * User settings of a fresh profile. The first-run experience would open editors tests do not expect. VS Code in
 * a browser saves a second after each edit by default (desktop does not): a test would see its edits saved
 * behind its back, save() return false and revert find nothing to revert.
 */
const profileSettings = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'git.enabled': false,
};

/**
 * XDG folders inside `dir`, for code-server and Chromium: without them code-server writes logs and a heartbeat
 * to ~/.local/share/code-server, VS Code a device id to ~/.cache/Microsoft, Chromium crash reports to ~/.config.
 */
export function isolatedEnv(dir) {
  const env = { XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_DATA_HOME: join(dir, 'data') };
  for (const folder of Object.values(env)) mkdirSync(folder, { recursive: true });
  return env;
}

/** Runs provision.mjs (Debian packages, code-server) unless a previous run left its marker; throws on failure. */
export function ensureProvisioned(log) {
  if (isProvisioned()) return;
  log('code-server is not provisioned yet; running provision.mjs');
  const provisioned = spawnSync(process.execPath, [fileURLToPath(new URL('provision.mjs', import.meta.url))], { stdio: 'inherit' });
  if (provisioned.status !== 0) throw new Error('provisioning failed');
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let runCount = 0;
/**
 * A fresh folder for one run under .vscode-test/runs/, named by `kind`, pid and count; folders of runs whose
 * process is gone are removed.
 */
export function createRunDir(kind = 'run') {
  const runsDir = join(cacheDir, 'runs');
  mkdirSync(runsDir, { recursive: true });
  for (const name of readdirSync(runsDir)) {
    const pid = Number(name.split('-')[1]);
    if (!isAlive(pid)) rmSync(join(runsDir, name), { recursive: true, force: true });
  }
  const runDir = join(runsDir, `${kind}-${process.pid}-${++runCount}`);
  mkdirSync(runDir, { recursive: true });
  return runDir;
}

/**
 * Headless Chromium with a profile inside `runDir`. The caller stops it (close()), after its work or on a
 * signal, so Playwright's own signal handlers are off. `viewport` defaults to Playwright's 1280×720.
 */
export async function launchChromium(runDir, { viewport } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(join(runDir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    ...(viewport ? { viewport } : {}),
    env: { ...process.env, ...isolatedEnv(join(runDir, 'xdg-chromium')) },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A free TCP port on the loopback interface (the only network these machines have). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function commonArgs(dirs) {
  return [
    codeServerEntry,
    '--config', codeServerConfig,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
}

/** Creates the profile folders and settings of a run; `dirs` holds userData, extensions and home (for XDG). */
export function createProfile(dirs) {
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(profileSettings, null, 2));
}

/** Installs a .vsix into the run's extensions folder. */
export function installVsix(dirs, vsix) {
  const env = { ...process.env, ...isolatedEnv(dirs.home) };
  const r = spawnSync(process.execPath, [...commonArgs(dirs), '--install-extension', resolve(vsix)], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
}

/**
 * Starts code-server on `port` with `workspacePath` and resolves once it answers /healthz.
 * Returns a handle whose stop() ends the whole process group (SIGTERM, then SIGKILL after 5 s); `onSpawn` gets
 * the same handle as soon as the process exists, so a signal during the start-up can stop it too.
 */
export async function startCodeServer({ dirs, port, workspacePath, env, logFile, onOutput, onSpawn }) {
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [...commonArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened', workspacePath], {
    detached: true, // its own process group, so its children are stopped with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...isolatedEnv(dirs.home), ...env },
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(out, { end: false });
    if (onOutput) stream.on('data', onOutput);
  }
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const kill = (signal) => {
    if (exited()) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const handle = {
    exited,
    /** Synchronous last resort, for process.on('exit'). */
    killNow: () => kill('SIGKILL'),
    async stop() {
      if (exited()) return;
      const gone = new Promise((r) => child.once('exit', r));
      kill('SIGTERM');
      await Promise.race([gone, grace(5000)]);
      kill('SIGKILL');
    },
  };
  onSpawn?.(handle);
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`code-server exited early; see ${logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return handle;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  await handle.stop();
  throw new Error(`code-server did not answer on port ${port} within 60 s; see ${logFile}`);
}
