// `npm run bench`: builds, generates the data, measures everything on it and reports against the targets.
//   node bench/run.mjs [--files N] [--quick]
// A full run with the default 5,000 files writes bench/results.md; other runs write bench/.data/results.md.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const repo = new URL('..', import.meta.url).pathname;
const dataDir = join(repo, 'bench', '.data');
const DEFAULT_FILES = 5000;

const { values } = parseArgs({ options: { files: { type: 'string', default: String(DEFAULT_FILES) }, quick: { type: 'boolean', default: false } } });
const files = Number(values.files);
if (!Number.isInteger(files) || files < 1) throw new Error(`--files must be a positive whole number, not "${values.files}"`);
const quick = values.quick;
// This machine's timings drift by 10 to 15% from minute to minute: the corpus is parsed and linted in turns,
// and the server is started several times, so that each figure is a median of runs made under the same load.
const runs = quick ? { corpus: 1, cli: 1, markdownlint: 1, pathological: 1, starts: 1 } : { corpus: 5, cli: 3, markdownlint: 3, pathological: 3, starts: 3 };
const editsFor = (label) => (label === '2 MB' ? (quick ? 2 : 10) : quick ? 10 : 50);

const log = (message) => process.stderr.write(`bench: ${message}\n`);

function build() {
  for (const [command, args] of [['npx', ['tsc', '-b']], [process.execPath, ['esbuild.mjs']]]) {
    const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`build step failed: ${command} ${args.join(' ')}`);
  }
}

log('building out/ and dist/');
build();
// The measurements load the built outputs, so they are imported only once the build is done.
const { generateCorpus, largeDocuments } = await import('./generate.mjs');
const { corpusParseAndLint, pathological } = await import('./measure/inProcess.mjs');
const { cli, markdownlintCli2 } = await import('./measure/processes.mjs');
const { serverSession, timeToActionItems } = await import('./measure/server.mjs');
const { renderReport } = await import('./report.mjs');

mkdirSync(dataDir, { recursive: true });
log(`generating ${files} postmortems and the large documents`);
const corpus = generateCorpus(dataDir, files);
const texts = corpus.map((f) => f.text);
const large = largeDocuments();

log('(a, b) markdown-it and the engine, in-process');
const figures = { files, quick, runs, load: { start: loadavg()[0] }, mb: texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 2 ** 20 };
figures.corpus = corpusParseAndLint(texts, runs.corpus);
log('(c) the CLI');
figures.cli = cli(repo, dataDir, runs.cli);
log('(d) markdownlint-cli2');
figures.markdownlint = markdownlintCli2(repo, dataDir, runs.markdownlint);
log('(e) the language server');
// The index cache starts empty, so the first session measures a cold index; the second start reads the cache.
const cacheDir = join(dataDir, '..', '.index-cache');
rmSync(cacheDir, { recursive: true, force: true });
figures.server = await serverSession(repo, dataDir, large, editsFor, cacheDir);
// Each cold start (empty cache) is followed by a second start that reads the cache the first one wrote.
figures.coldStarts = [figures.server.indexMs];
figures.warmStarts = [(await timeToActionItems(repo, dataDir, cacheDir)).indexMs];
for (let start = 1; start < runs.starts; start++) {
  rmSync(cacheDir, { recursive: true, force: true });
  figures.coldStarts.push((await timeToActionItems(repo, dataDir, cacheDir)).indexMs);
  figures.warmStarts.push((await timeToActionItems(repo, dataDir, cacheDir)).indexMs);
}
log('(f) pathological inputs');
figures.pathological = pathological(runs.pathological);

const report = renderReport(figures);
const out = !quick && files === DEFAULT_FILES ? join(repo, 'bench', 'results.md') : join(dataDir, 'results.md');
writeFileSync(out, report);
process.stdout.write(`\n${report}\nWritten to ${out}\n`);
