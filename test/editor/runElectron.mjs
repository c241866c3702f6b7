// Runs the same editor suites under desktop VS Code with @vscode/test-electron, on machines that can
// download VS Code (this project's CI cannot: it uses code-server, see runEditorTests.mjs).
//   npm run test:electron            (downloads VS Code stable into .vscode-test/ on first use)
import { runTests } from '@vscode/test-electron';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const suites = [
  { tests: 'test/editor/extension-suite/index.js', workspace: 'test/editor/workspace' },
  { tests: 'test/editor/multiroot-suite/index.js', workspace: 'test/editor/multi-root.code-workspace' },
];
try {
  for (const suite of suites) {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: `${root}/${suite.tests}`,
      launchArgs: [`${root}/${suite.workspace}`, '--disable-extensions', '--disable-workspace-trust'],
    });
  }
} catch (error) {
  console.error(`Editor tests failed: ${error}`);
  process.exit(1);
}
