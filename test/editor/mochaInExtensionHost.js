// Runs mocha inside VS Code's extension host and reports the results in two ways at once:
// - the standard extension-test shape: the promise rejects when a test fails, which is all that
//   @vscode/test-electron needs (there the exit code of VS Code carries the result);
// - a results file, for the code-server runner (runEditorTests.mjs): a browser cannot hand an exit code back,
//   so the runner passes a path in POSTMORTEM_EDITOR_TEST_RESULTS and waits for the file to appear.
// The spec reporter's text is collected here, because the extension host's console goes to the browser.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
// Resolved from this file, i.e. the repository's node_modules: the extension host is a Node process on the
// same machine, so suites need no bundled copy of mocha.
const Mocha = require('mocha');

/** The environment variable that names the results file the runner waits for. */
const RESULTS_ENV = 'POSTMORTEM_EDITOR_TEST_RESULTS';
/** The environment variable carrying the runner's --grep pattern. */
const GREP_ENV = 'POSTMORTEM_EDITOR_TEST_GREP';

/** Every `*.test.js` file under `dir`, sorted so suites run in a stable order. */
function findTestFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findTestFiles(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

/** Writes the results atomically, so the runner never reads half a file. */
function writeResults(results) {
  const target = process.env[RESULTS_ENV];
  if (!target) return;
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, target);
}

/**
 * Runs every `*.test.js` under `options.testsRoot` (or `options.files`) with mocha's BDD interface;
 * `options.timeout` is mocha's per-test timeout, `options.grep` (or the runner's --grep) filters by title.
 * Resolves when all pass; rejects with the number of failures otherwise.
 */
function runMochaInExtensionHost(options) {
  const lines = [];
  const Base = Mocha.reporters.Base;
  const originalLog = Base.consoleLog;
  Base.consoleLog = (...args) => lines.push(util.format(...args));
  const finish = (results) => {
    Base.consoleLog = originalLog;
    writeResults({ ...results, output: lines.join('\n') });
    // Also visible in the browser's console and in @vscode/test-electron's terminal.
    console.log(lines.join('\n'));
  };
  return new Promise((resolve, reject) => {
    try {
      const grep = options.grep ?? process.env[GREP_ENV];
      const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: options.timeout ?? 20000, ...(grep ? { grep } : {}) });
      for (const file of options.files ?? findTestFiles(options.testsRoot)) mocha.addFile(file);
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        finish({ passed: passes, failed: failures, pending });
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
        else resolve();
      });
    } catch (error) {
      // A suite that fails to load is a failure too, not a silent timeout in the runner.
      lines.push(`Could not run the editor tests: ${error.stack ?? error}`);
      finish({ passed: 0, failed: 1, pending: 0 });
      reject(error);
    }
  });
}

module.exports = { runMochaInExtensionHost, RESULTS_ENV, GREP_ENV };
