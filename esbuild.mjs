// Bundles the CLI (and, as later parts land, the language server and the VS Code client) into dist/.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
  },
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The server indexes large workspaces in worker threads: each loads this file from beside dist/server.js.
    entryPoints: ['server/src/workspace/indexWorker.ts'],
    outfile: 'dist/indexWorker.js',
  },
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  // jsonc-parser's UMD entry cannot be bundled; its ES module entry can.
  mainFields: ['module', 'main'],
  define: { POSTMORTEM_LINT_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

for (const options of bundles) {
  const context = await esbuild.context({ ...common, ...options });
  if (watch) await context.watch();
  else {
    await context.rebuild();
    await context.dispose();
  }
}
