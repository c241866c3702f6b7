// `npm run try`: the packaged extension in a local VS Code in the browser, without installing VS Code.
// Builds the .vsix, installs it into code-server (provisioned on first use) on a copy of examples/, prints
// the URL and runs until Ctrl-C, then stops code-server and removes the copy and the profile.
//
//   npm run try [-- --port N]
//
// A copy, not examples/ itself: the examples are flawed on purpose, and trying quick fixes, Fix All or Mark
// Done on them would rewrite the repository's files. The copy lives under .vscode-test/runs/ until exit.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildVsix, startExamplesServer } from '../test/e2e/examplesServer.mjs';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const log = (message) => process.stdout.write(`[try] ${message}\n`);

let server; // code-server, known from the moment it is spawned (it runs in its own process group)
let session;
process.on('exit', () => server?.killNow());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    log(`${signal}: stopping code-server`);
    await server?.stop();
    if (session) rmSync(session.dir, { recursive: true, force: true });
    process.exit(0);
  });
}

log('building postmortem-lint.vsix (npm run package)');
const vsix = buildVsix();
const port = values.port === undefined ? undefined : Number(values.port);
session = await startExamplesServer({ kind: 'try', vsix, log, port, onSpawn: (s) => (server = s) });
log(`installed ${session.installed} into a fresh profile; workspace: ${session.workspace}`);
log('open this in a browser (it listens on 127.0.0.1 only; from another machine, forward the port over SSH):');
process.stdout.write(`\n  ${session.url}\n\n`);
log('Ctrl-C stops it');
// code-server ending on its own (a crash) ends this script too.
const watch = setInterval(() => {
  if (!server.exited()) return;
  clearInterval(watch);
  log(`code-server exited; its log is in ${session.dir}/code-server.log`);
  process.exit(1);
}, 1000);
