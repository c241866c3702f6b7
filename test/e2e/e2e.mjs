// End-to-end test of the packaged extension, used as a person would: the .vsix installed into code-server on
// a copy of examples/, driven through the keyboard and the mouse in headless Chromium. Saves the README's
// screenshots on the way.
//
//   node test/e2e/e2e.mjs [--screenshots DIR] [--keep]
//
//   --screenshots DIR  where problems.png, action-items.png, quick-fix.png and metrics.png go (default docs/images/, the
//                      README's copies; `npm test` passes a folder under .vscode-test/ to leave git clean)
//   --keep             keep the run's folder (profile, code-server.log, workspace copy) even when all passed
//
// Each check is one line; a failed check fails the ones after it, since each builds on the one before. Ends
// with "N passed, N failed" and exits non-zero on a failure. Stops code-server and Chromium in every case.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { grace, launchChromium } from '../editor/codeServer.mjs';
import { buildVsix, startExamplesServer } from './examplesServer.mjs';

const { values: args } = parseArgs({ options: { screenshots: { type: 'string', default: 'docs/images' }, keep: { type: 'boolean', default: false } } });
const screenshotDir = resolve(args.screenshots);
const flawed = 'postmortems/2026/01-january/2026-01-08-checkout-latency.md';
const viewport = { width: 1280, height: 800 };
const log = (message) => process.stdout.write(`[e2e] ${message}\n`);

let session; // from startExamplesServer
let server; // code-server, known from the moment it is spawned
let browser;
let page;
let passed = 0;
let failed = 0;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

async function stopAll() {
  if (browser) await Promise.race([browser.close().catch(() => {}), grace(5000)]);
  await server?.stop();
}
process.on('exit', () => server?.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server and Chromium`);
    void stopAll().finally(() => {
      process.stdout.write(`${passed} passed, ${failed + 1} failed\n`);
      process.exit(130);
    });
  });
}

/** Waits for a visible element; `text` (string or RegExp) narrows it to those containing that text. */
function visible(selector, text, timeout = 60000) {
  const locator = page.locator(selector, text === undefined ? {} : { hasText: text }).first();
  return locator.waitFor({ state: 'visible', timeout }).then(() => locator);
}

/** Presses `keys` until `selector` shows up: the first key presses can arrive before the keybindings do. */
async function pressUntil(keys, selector, attempts = 20) {
  for (let i = 1; ; i++) {
    await page.keyboard.press(keys);
    try {
      return await visible(selector, undefined, 3000);
    } catch (error) {
      if (i === attempts) throw error;
    }
  }
}

/** Types into the open quick input and accepts the row that shows `rowText`. */
async function quickInput(text, rowText) {
  await page.keyboard.type(text);
  if (rowText) await visible('.quick-input-list .monaco-list-row', rowText);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Drags the sash between the sidebar and the editor by `dx` pixels, as a person widens the sidebar. */
async function dragSidebarEdge(dx) {
  const box = await (await visible('.part.sidebar')).boundingBox();
  const [x, y] = [box.x + box.width, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 5 });
  await page.mouse.up();
  const after = await page.locator('.part.sidebar').boundingBox();
  if (after.width < box.width + dx / 2) throw new Error(`the sidebar is still ${after.width}px wide`);
}

async function screenshot(name) {
  const file = join(screenshotDir, name);
  await page.screenshot({ path: file });
  const png = readFileSync(file);
  const size = `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`;
  if (size !== `${viewport.width}×${viewport.height}`) throw new Error(`${name} is ${size}`);
  log(`saved ${file}`);
}

const checks = [
  ['npm run package builds the .vsix', () => {
    session = { vsix: buildVsix() };
  }],
  ['code-server --install-extension installs it; code-server starts on a copy of examples/', async () => {
    session = await startExamplesServer({ kind: 'e2e', vsix: session.vsix, log, onSpawn: (s) => (server = s) });
    log(`installed ${session.installed}; ${session.url}`);
    // The server starts index workers from a bundle beside it (large workspaces only, so the examples never
    // load it): a .vsix without it would fail only on real repositories.
    for (const bundle of ['extension.js', 'server.js', 'indexWorker.js']) {
      const file = join(session.dir, 'extensions', session.installed, 'dist', bundle);
      if (!existsSync(file)) throw new Error(`the installed extension has no dist/${bundle}`);
    }
  }],
  ['Quick Open (Ctrl+P) opens the flawed postmortem', async () => {
    browser = await launchChromium(session.dir, { viewport });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(session.url, { waitUntil: 'domcontentloaded' });
    await visible('.part.editor');
    await pressUntil('Control+P', '.quick-input-widget');
    await quickInput('2026-01-08-checkout', '2026-01-08-checkout-latency.md');
    await visible('.tab.active', '2026-01-08-checkout-latency.md');
    await visible('.editor-instance .view-line', 'Postmortem: [Incident Name]');
  }],
  ['the Problems panel (Ctrl+Shift+M) lists postmortem-lint problems', async () => {
    await pressUntil('Control+Shift+M', '.markers-panel');
    await visible('.markers-panel .monaco-list-row', 'Duration says 45min');
    await visible('.markers-panel .monaco-list-row', 'PM020');
    await screenshot('problems.png');
  }],
  ['the Postmortems view shows an Overdue group of action items', async () => {
    await page.keyboard.press('Control+J'); // the panel off, so the sidebar has the window's height
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    // The li, not its link: the overdue badge on top of the icon would take the click.
    await (await visible('.activitybar li.action-item:has(> a[aria-label^="Postmortems"])')).click();
    const view = '.pane-body .monaco-list-row';
    await visible(view, /^Overdue \(\d+\)/);
    await visible(view, 'Add a load test of checkout');
    // Away from the icon, so its hover does not cover the tree; then a wider sidebar, by its sash.
    await page.mouse.move(800, 600);
    await page.getByText('overdue action items').waitFor({ state: 'hidden' });
    await dragSidebarEdge(220);
    await screenshot('action-items.png');
  }],
  ['Ctrl+. on the Duration line offers the fix "Change the duration to 70min"', async () => {
    await page.keyboard.press('Control+1'); // back to the editor
    await pressUntil('Control+G', '.quick-input-widget');
    await quickInput('15:15');
    await visible('.statusbar', 'Ln 15, Col 15');
    await pressUntil('Control+Period', '.action-widget');
    await visible('.action-widget .monaco-list-row', 'Change the duration to 70min');
    await screenshot('quick-fix.png');
  }],
  ['applying it changes the text in the editor', async () => {
    const fix = await visible('.action-widget .monaco-list-row', 'Change the duration to 70min');
    // The menu blocks the pointer with an overlay until the mouse first moves.
    const box = await fix.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.context-view-pointerBlock').waitFor({ state: 'detached' });
    await fix.click();
    await visible('.editor-instance .view-line', /Duration:\*\*\s70min/);
  }],
  ['Ctrl+S writes the fixed line to the file', async () => {
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    const text = readFileSync(join(session.workspace, flawed), 'utf8');
    if (!text.includes('**Duration:** 70min\n')) throw new Error('the saved file still has the old duration');
  }],
  ['Postmortem: Show Metrics opens the dashboard with its cards and charts', async () => {
    await pressUntil('F1', '.quick-input-widget');
    await quickInput('Postmortem: Show Metrics', 'Show Metrics');
    await visible('.tab.active', 'Postmortem Metrics');
    // A webview is an iframe holding the page's own iframe.
    const dashboard = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await dashboard.getByText('MTTR', { exact: false }).first().waitFor({ state: 'visible', timeout: 20000 });
    await dashboard.locator('svg').first().waitFor({ state: 'visible' });
    await screenshot('metrics.png');
  }],
];

mkdirSync(screenshotDir, { recursive: true });
let failure;
for (const [name, run] of checks) {
  if (failure) {
    failed++;
    log(`not run: ${name}`);
    continue;
  }
  try {
    await run();
    passed++;
    log(`✔ ${name} (${seconds()})`);
  } catch (error) {
    failed++;
    failure = error;
    log(`✘ ${name} (${seconds()}): ${error.message}`);
    await page?.screenshot({ path: join(session.dir, 'failure.png') }).catch(() => {});
  }
}
await stopAll();
if (session?.dir && (failure || args.keep)) log(`logs, profile${failure ? ', failure.png' : ''} and workspace kept in ${session.dir}`);
else if (session?.dir) rmSync(session.dir, { recursive: true, force: true });
log(`finished in ${seconds()}`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
