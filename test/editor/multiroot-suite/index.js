// Extension-test entry point for the multi-root suite (run with test/editor/multi-root.code-workspace).
'use strict';
const path = require('node:path');
const { runMochaInExtensionHost } = require('../mochaInExtensionHost.js');

function run() {
  const testsRoot = path.resolve(__dirname, '..', '..', '..', 'out', 'test', 'editor', 'multiroot');
  return runMochaInExtensionHost({ testsRoot, timeout: 60000 });
}

module.exports = { run };
