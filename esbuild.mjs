// Bundles the CLI (and, as later parts land, the language server and the VS Code client) into dist/.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
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
