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
//   --grep PATTERN       run only the tests whose full title matches (mocha's --grep)
//   --timeout SECONDS    give up when no results arrive in time (default 300)
//   --keep               keep the run's folder (logs, profile, results) even when everything passed
//   --verbose            stream code-server's output and the browser console while the tests run
//
// Other scripts can import runEditorTests(options) (same options, camelCase) to run several suites, e.g. one
// per workspace; it resolves with { passed, failed, pending, output, runDir }.
//
// Provisions code-server first when it is missing (provision.mjs). The suite's index writes its results to the
// file named by POSTMORTEM_EDITOR_TEST_RESULTS (see mochaInExtensionHost.js), because a browser cannot return an
// exit code. Prints the mocha output, then a last line "N passed, N failed"; exits non-zero on a failure, a
// timeout or a crash, and stops every process it started in all of those cases and on Ctrl-C. A failed run
// keeps its folder under .vscode-test/runs/ (code-server.log, browser-console.log, results.json).
import { cpSync, createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createProfile, createRunDir, ensureProvisioned, freePort, grace, GREP_ENV, installVsix, launchChromium, RESULTS_ENV, startCodeServer } from './codeServer.mjs';

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function log(message) {
  process.stdout.write(`[editor-tests] ${message}\n`);
}

/** Runs that have not finished yet, so a signal or an exit can stop their processes. */
const activeRuns = new Set();
let signalsHandled = false;

function handleSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  // Last resort when the process ends any other way: synchronous, so it runs even inside process.exit().
  process.on('exit', () => activeRuns.forEach((run) => run.server?.killNow()));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      log(`${signal}: stopping code-server and Chromium`);
      for (const run of activeRuns) run.interrupted = true;
      Promise.all([...activeRuns].map((run) => run.stop())).finally(() => {
        process.stdout.write('0 passed, 1 failed\n');
        process.exit(130);
      });
    });
  }
}

/** Copies the workspace (its whole folder for a .code-workspace file, which names folders relative to itself). */
function prepareWorkspace(source, runDir, copy) {
  if (!copy) return source;
  const isFile = statSync(source).isFile();
  const folder = isFile ? dirname(source) : source;
  // The copy keeps the folder's name, which tests see as the workspace folder's name.
  const target = join(runDir, 'workspace', basename(folder));
  cpSync(folder, target, { recursive: true });
  return isFile ? join(target, basename(source)) : target;
}

function testUrl(port, workspacePath, extensionPath, testsPath) {
  // Each path segment is percent-encoded so a space or '#' in a folder name survives VS Code's URI parsing.
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path.split('/').map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const target = workspacePath.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${port}/?${target}=${encodeURIComponent(workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function openBrowser(run, url, verbose) {
  run.browser = await launchChromium(run.dir);
  log(`Chromium ${run.browser.browser()?.version() ?? ''} started; loading the workbench`);
  const page = run.browser.pages()[0] ?? (await run.browser.newPage());
  const consoleLog = createWriteStream(join(run.dir, 'browser-console.log'));
  page.on('console', (message) => {
    const line = `[browser ${message.type()}] ${message.text()}\n`;
    consoleLog.write(line);
    if (verbose) process.stdout.write(line);
  });
  page.on('pageerror', (error) => consoleLog.write(`[browser pageerror] ${error.stack ?? error}\n`));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}

async function waitForResults(run, resultsFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(resultsFile)) return JSON.parse(readFileSync(resultsFile, 'utf8'));
    if (run.server.exited()) throw new Error('code-server exited before the tests finished');
    await delay(250);
  }
  throw new Error(`no results after ${timeoutMs / 1000} s (a suite that never calls back, or an extension host that never started)`);
}

function tail(file, lines) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * One run: provisions if needed, starts code-server and Chromium, waits for the suite's results, stops both.
 * Never throws for a test failure, a timeout or a crash: those come back as failed > 0 with the output.
 */
export async function runEditorTests(options) {
  const { extension, tests, workspace, copyWorkspace = true, installVsix: vsixFiles = [], grep, timeoutSeconds = 300, keep = false, verbose = false } = options;
  for (const [name, value] of Object.entries({ extension, tests, workspace })) {
    if (!value || !existsSync(value)) throw new Error(`${name} ${value ?? '(missing)'} does not exist`);
  }
  ensureProvisioned(log);
  handleSignals();

  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const extensionPath = resolve(extension);
  const testsPath = statSync(tests).isDirectory() ? join(resolve(tests), 'index.js') : resolve(tests);
  const dir = createRunDir();
  const dirs = { userData: join(dir, 'user-data'), extensions: join(dir, 'extensions'), home: join(dir, 'xdg') };
  const resultsFile = join(dir, 'results.json');
  const run = {
    dir,
    interrupted: false,
    server: undefined,
    browser: undefined,
    stopping: undefined,
    /** Stops Chromium, then code-server's process group; every caller gets the same promise. */
    stop() {
      this.stopping ??= (async () => {
        const t = Date.now();
        if (this.browser) await Promise.race([this.browser.close().catch(() => {}), grace(5000)]);
        await this.server?.stop();
        log(`stopped Chromium and code-server in ${Date.now() - t} ms`);
      })();
      return this.stopping;
    },
  };
  activeRuns.add(run);

  let results;
  try {
    createProfile(dirs);
    for (const vsix of vsixFiles) {
      log(`installing ${vsix}`);
      installVsix(dirs, vsix);
    }
    const workspacePath = prepareWorkspace(resolve(workspace), dir, copyWorkspace);
    const port = await freePort();
    log(`code-server on 127.0.0.1:${port}, workspace ${workspacePath}`);
    const env = { [RESULTS_ENV]: resultsFile, ...(grep ? { [GREP_ENV]: grep } : {}) };
    const onOutput = verbose ? (chunk) => process.stdout.write(`[code-server] ${chunk}`) : undefined;
    run.server = await startCodeServer({ dirs, port, workspacePath, env, logFile: join(dir, 'code-server.log'), onOutput });
    log(`code-server ready after ${seconds()} s; opening Chromium`);
    await openBrowser(run, testUrl(port, workspacePath, extensionPath, testsPath), verbose);
    log(`workbench page loaded after ${seconds()} s; waiting for the results`);
    results = await waitForResults(run, resultsFile, timeoutSeconds * 1000);
    process.stdout.write(`${results.output}\n`);
    log(`tests finished after ${seconds()} s`);
  } catch (error) {
    // Interrupted: the signal handler is already stopping everything and ends the process.
    if (run.interrupted) await new Promise(() => {});
    log(`FAILED: ${error.message}`);
    for (const name of ['code-server.log', 'browser-console.log']) {
      const text = tail(join(dir, name), 30);
      if (text) process.stdout.write(`--- last lines of ${join(dir, name)} ---\n${text}\n`);
    }
    results = { passed: 0, failed: 1, pending: 0, output: String(error.message) };
  }
  await run.stop();
  activeRuns.delete(run);
  if (results.failed === 0 && !keep) rmSync(dir, { recursive: true, force: true });
  else log(`logs, profile and results kept in ${dir}`);
  return { ...results, runDir: dir };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      'no-copy': { type: 'boolean', default: false },
      'install-vsix': { type: 'string', multiple: true, default: [] },
      grep: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  let results;
  try {
    const timeoutSeconds = Number(values.timeout);
    if (!(timeoutSeconds > 0)) throw new Error(`--timeout must be a number of seconds, not ${values.timeout}`);
    results = await runEditorTests({
      extension: values.extension,
      tests: values.tests,
      workspace: values.workspace,
      copyWorkspace: !values['no-copy'],
      installVsix: values['install-vsix'],
      grep: values.grep,
      timeoutSeconds,
      keep: values.keep,
      verbose: values.verbose,
    });
  } catch (error) {
    log(`${error.message} (the options are described at the top of ${basename(fileURLToPath(import.meta.url))})`);
    results = { passed: 0, failed: 1 };
  }
  process.stdout.write(`${results.passed} passed, ${results.failed} failed\n`);
  process.exitCode = results.failed > 0 ? 1 : 0;
}
