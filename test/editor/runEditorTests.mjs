// Runs extension-host test suites in a real VS Code (code-server in headless Chromium), offline.
//
//   node test/editor/runEditorTests.mjs --extension DIR --tests PATH --workspace PATH [options]
//
//   --extension DIR      the extension under development (extensionDevelopmentPath)
//   --tests PATH         the suite's index module exporting run() (extensionTestsPath); a folder means its index.js
//   --workspace PATH     a folder, or a .code-workspace file for a multi-root workspace. It is copied into the
//                        run's folder first, so tests may create, edit and delete files freely
//   --no-copy            open the workspace where it is instead of a copy
//   --install-vsix FILE  install a .vsix into the run's extensions folder before starting (repeatable)
//   --timeout SECONDS    give up when no results arrive in time (default 300)
//   --keep               keep the run's folder (logs, profile, results) even when everything passed
//   --verbose            stream code-server's output and the browser console while the tests run
//
// The run's profile turns auto save off: VS Code in a browser saves a second after each edit by default, desktop
// does not, and suites must behave the same under @vscode/test-electron. A failed run keeps its folder under
// .vscode-test/runs/ (code-server.log, browser-console.log, results.json) and prints where it is.
//
// Provisions code-server first when it is missing (test/editor/provision.mjs). The suite's index writes its
// results to the file named by POSTMORTEM_EDITOR_TEST_RESULTS (see mochaInExtensionHost.js), because a browser
// cannot return an exit code. Prints the mocha output, then a last line "N passed, N failed"; exits non-zero on
// a failure, a timeout or a crash, and stops every process it started in all of those cases and on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDir, chromiumPath, codeServerConfig, codeServerEntry, isProvisioned } from './provision.mjs';

const RESULTS_ENV = 'POSTMORTEM_EDITOR_TEST_RESULTS';

const { values: options } = parseArgs({
  options: {
    extension: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    'no-copy': { type: 'boolean', default: false },
    'install-vsix': { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

function log(message) {
  process.stdout.write(`[editor-tests] ${message}\n`);
}

function fail(message) {
  log(message);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

for (const name of ['extension', 'tests', 'workspace']) {
  if (!options[name]) fail(`--${name} is required (see the header of ${basename(fileURLToPath(import.meta.url))})`);
  if (!existsSync(options[name])) fail(`--${name} ${options[name]} does not exist`);
}
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout must be a number of seconds, not ${options.timeout}`);

if (!isProvisioned()) {
  log('code-server is not provisioned yet; running provision.mjs');
  const provisioned = spawnSync(process.execPath, [fileURLToPath(new URL('provision.mjs', import.meta.url))], { stdio: 'inherit' });
  if (provisioned.status !== 0) fail('provisioning failed');
}

const extensionPath = resolve(options.extension);
let testsPath = resolve(options.tests);
if (statSync(testsPath).isDirectory()) testsPath = join(testsPath, 'index.js');

// One folder per run, named by pid so parallel runs do not collide; folders of finished runs are removed.
const runsDir = join(cacheDir, 'runs');
mkdirSync(runsDir, { recursive: true });
for (const name of readdirSync(runsDir)) {
  const pid = Number(name.replace('run-', ''));
  if (!isAlive(pid)) rmSync(join(runsDir, name), { recursive: true, force: true });
}
const runDir = join(runsDir, `run-${process.pid}`);
const dirs = {
  userData: join(runDir, 'user-data'),
  extensions: join(runDir, 'extensions'),
  browserProfile: join(runDir, 'chromium-profile'),
  workspace: join(runDir, 'workspace'),
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
const resultsFile = join(runDir, 'results.json');
const serverLog = join(runDir, 'code-server.log');
const browserLog = join(runDir, 'browser-console.log');

// The first-run experience of a fresh profile would open editors that tests do not expect. VS Code in a browser
// saves files a second after each edit by default (desktop does not): a test would see its edits saved behind
// its back, save() return false and revert find nothing to revert, so auto save is off as on desktop.
mkdirSync(join(dirs.userData, 'User'), { recursive: true });
writeFileSync(
  join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'files.autoSave': 'off',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': false,
      'update.mode': 'none',
      'git.enabled': false,
    },
    null,
    2,
  ),
);

// Where the workspace is opened: a copy, unless --no-copy.
function workspaceTarget() {
  const source = resolve(options.workspace);
  if (options['no-copy']) return source;
  const isFile = statSync(source).isFile();
  // A .code-workspace file names its folders relative to itself, so its whole folder is copied. The copy keeps
  // the folder's name, which tests see as the workspace folder's name.
  const folder = isFile ? dirname(source) : source;
  const copy = join(dirs.workspace, basename(folder));
  cpSync(folder, copy, { recursive: true });
  return isFile ? join(copy, basename(source)) : copy;
}
const workspacePath = workspaceTarget();

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort() {
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

const delay = (ms) => new Promise((r) => setTimeout(r, ms));
/** A deadline for Promise.race that does not keep the process alive once the race is won. */
const grace = (ms) => new Promise((r) => setTimeout(r, ms).unref());

// --- processes this run started, and how they are stopped ------------------------------------------------------
let server; // code-server, the leader of its own process group (its extension host and helpers are in it)
let browserContext; // Chromium, launched by playwright-core (which kills it when this process exits)

function killServerGroup(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
}

let stopping;
/** Stops Chromium, then code-server's process group; every caller gets the same promise. */
function stopEverything() {
  stopping ??= stopProcesses();
  return stopping;
}

async function stopProcesses() {
  const started = Date.now();
  if (browserContext) {
    const context = browserContext;
    browserContext = undefined;
    await Promise.race([context.close().catch(() => {}), grace(5000)]);
    log(`Chromium closed after ${Date.now() - started} ms`);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    killServerGroup('SIGTERM');
    await Promise.race([exited, grace(5000)]);
    killServerGroup('SIGKILL');
    log(`code-server stopped after ${Date.now() - started} ms`);
  }
}

// Last resort when the process ends any other way: synchronous, so it runs even inside process.exit().
process.on('exit', () => killServerGroup('SIGKILL'));
let interrupted;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    log(`${signal}: stopping code-server and Chromium`);
    stopEverything().finally(() => {
      log(`logs kept in ${runDir}`);
      process.stdout.write('0 passed, 1 failed\n');
      process.exit(130);
    });
  });
}

// --- code-server -------------------------------------------------------------------------------------------------
function codeServerArgs(port) {
  return [
    codeServerEntry,
    '--config', codeServerConfig,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
}

function installVsixFiles() {
  for (const vsix of options['install-vsix']) {
    log(`installing ${vsix}`);
    const r = spawnSync(process.execPath, [...codeServerArgs(0), '--install-extension', resolve(vsix)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
  }
}

async function startServer(port) {
  const out = createWriteStream(serverLog);
  server = spawn(process.execPath, [...codeServerArgs(port), workspacePath], {
    detached: true, // its own process group, so the extension host and helpers are stopped with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [RESULTS_ENV]: resultsFile },
  });
  for (const stream of [server.stdout, server.stderr]) {
    stream.pipe(out, { end: false });
    if (options.verbose) stream.on('data', (chunk) => process.stdout.write(`[code-server] ${chunk}`));
  }
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`code-server exited early; see ${serverLog}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`code-server did not answer on port ${port} within 60 s; see ${serverLog}`);
}

// --- Chromium ----------------------------------------------------------------------------------------------------
function testUrl(port) {
  // Each path segment is percent-encoded so a space or '#' in a folder name survives VS Code's URI parsing.
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path.split('/').map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const target = workspacePath.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${port}/?${target}=${encodeURIComponent(workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function openBrowser(url) {
  const { chromium } = await import('playwright-core');
  browserContext = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    // This runner stops Chromium itself, after code-server's results are read.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  log(`Chromium ${browserContext.browser()?.version() ?? ''} started; loading the workbench`);
  const page = browserContext.pages()[0] ?? (await browserContext.newPage());
  const consoleLog = createWriteStream(browserLog);
  page.on('console', (message) => {
    const line = `[browser ${message.type()}] ${message.text()}\n`;
    consoleLog.write(line);
    if (options.verbose) process.stdout.write(line);
  });
  page.on('pageerror', (error) => consoleLog.write(`[browser pageerror] ${error.stack ?? error}\n`));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}

// --- results -----------------------------------------------------------------------------------------------------
async function waitForResults() {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(resultsFile)) return JSON.parse(readFileSync(resultsFile, 'utf8'));
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`code-server exited before the tests finished; see ${serverLog}`);
    await delay(250);
  }
  throw new Error(`no results after ${timeoutMs / 1000} s (a suite that never calls back, or an extension host that never started)`);
}

function tail(file, lines) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function main() {
  const started = Date.now();
  installVsixFiles();
  const port = await freePort();
  log(`code-server on 127.0.0.1:${port}, workspace ${workspacePath}`);
  await startServer(port);
  log(`code-server ready after ${((Date.now() - started) / 1000).toFixed(1)} s; opening Chromium`);
  await openBrowser(testUrl(port));
  log(`workbench page loaded after ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the results`);
  const results = await waitForResults();
  process.stdout.write(`${results.output}\n`);
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results;
}

let results;
try {
  results = await main();
} catch (error) {
  // Interrupted: the signal handler is already stopping everything and ends the process.
  if (interrupted) await new Promise(() => {});
  log(`FAILED: ${error.message}`);
  for (const [name, file] of [['code-server', serverLog], ['browser console', browserLog]]) {
    const text = tail(file, 30);
    if (text) process.stdout.write(`--- last lines of the ${name} log (${file}) ---\n${text}\n`);
  }
}
await stopEverything();
const passed = results?.passed ?? 0;
const failed = results ? results.failed : 1;
if (failed === 0 && !options.keep) rmSync(runDir, { recursive: true, force: true });
else log(`logs, profile and results kept in ${runDir}`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
