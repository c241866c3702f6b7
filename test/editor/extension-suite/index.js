// Extension-test entry point for postmortem-lint's own suites: they are written in TypeScript under
// test/editor/suite and compiled by `tsc -b` into out/test/editor/suite, which is where mocha looks.
'use strict';
const path = require('node:path');
const { runMochaInExtensionHost } = require('../mochaInExtensionHost.js');

function run() {
  const testsRoot = path.resolve(__dirname, '..', '..', '..', 'out', 'test', 'editor', 'suite');
  return runMochaInExtensionHost({ testsRoot, timeout: 60000 });
}

module.exports = { run };
