// The extension-test entry point (the module VS Code loads from extensionTestsPath): same shape as under
// @vscode/test-electron, with the results also written to the file the code-server runner waits for.
'use strict';
const path = require('node:path');
const { runMochaInExtensionHost } = require('../mochaInExtensionHost.js');

function run() {
  return runMochaInExtensionHost({ testsRoot: path.join(__dirname), timeout: 30000 });
}

module.exports = { run };
