// Provisions a real VS Code (code-server 4.100.3, VS Code 1.100.3) and Chromium for the editor tests, offline
// apart from the npm registry and Debian packages. code-server's own install script downloads ripgrep from
// GitHub, which these machines cannot reach, so this script does its postinstall steps by hand.
//
// Idempotent: every step checks whether its result is already there, and a marker file records a finished
// provisioning, so a second run takes a second. Everything lands in .vscode-test/ (ignored by git).
//
//   node test/editor/provision.mjs            provision what is missing
//   node test/editor/provision.mjs --force    redo the code-server steps (the Debian packages stay)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.100.3 is the newest release that runs on Node 20 (later ones need Node 22+). */
export const CODE_SERVER_VERSION = '4.100.3';
/** The folder under the repository where code-server is installed and cached between runs. */
export const cacheDir = fileURLToPath(new URL('../../.vscode-test/', import.meta.url));
/** The folder holding code-server's own package.json and node_modules. */
export const installDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
/** code-server's entry point, run with the current Node. */
export const codeServerEntry = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/**
 * The config file given to every code-server command: without --config it writes one with a password into
 * ~/.config/code-server, outside the cache.
 */
export const codeServerConfig = join(cacheDir, 'code-server-config.yaml');
/** Debian's Chromium, driven by playwright-core. */
export const chromiumPath = '/usr/bin/chromium';

const markerFile = join(installDir, '.provisioned');
const vscodeDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
const aptPackages = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium'];

/** True when a finished provisioning of this version is in the cache. */
export function isProvisioned() {
  return existsSync(markerFile) && existsSync(codeServerConfig) && readFileSync(markerFile, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(chromiumPath);
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;

function log(message) {
  process.stdout.write(`[provision ${elapsed()}] ${message}\n`);
}

/** Runs a command; a quiet one shows its output only when it fails (apt's unpacking lines drown the progress). */
function run(command, args, cwd, env = {}, quiet = false) {
  log(`  $ ${command} ${args.join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    if (quiet) process.stdout.write(`${result.stdout}${result.stderr}`.split('\n').slice(-40).join('\n') + '\n');
    throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
}

/** Runs `done()`; when false, runs `work()` and checks `done()` again so a silent failure is caught. */
function step(name, done, work) {
  if (done()) {
    log(`ok   ${name} (already there)`);
    return;
  }
  log(`...  ${name}`);
  const t = Date.now();
  work();
  if (!done()) throw new Error(`step "${name}" finished but its result is missing`);
  log(`done ${name} in ${((Date.now() - t) / 1000).toFixed(0)}s`);
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function missingAptPackages() {
  return aptPackages.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function provision(force) {
  if (force) rmSync(installDir, { recursive: true, force: true });
  if (isProvisioned()) {
    log(`code-server ${CODE_SERVER_VERSION} and Chromium are already provisioned in ${installDir}`);
    return;
  }
  mkdirSync(installDir, { recursive: true });

  step('Debian packages', () => missingAptPackages().length === 0, () => {
    const missing = missingAptPackages();
    if (process.getuid?.() !== 0) throw new Error(`missing Debian packages (${missing.join(' ')}); install them as root`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], installDir, env, true);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], installDir, env, true);
  });

  // Without its own package.json, npm would walk up and install into the repository's node_modules.
  const pkg = join(installDir, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ name: 'vscode-test-cache', private: true }, null, 2) + '\n');

  step(`code-server ${CODE_SERVER_VERSION} from npm (scripts skipped)`, () => existsSync(join(vscodeDir, 'package.json')), () =>
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], installDir));

  step('VS Code dependencies (scripts skipped)', () => existsSync(join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'package.json')), () =>
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir));

  const rg = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  step("ripgrep from Debian instead of GitHub's download", () => existsSync(rg), () => {
    mkdirSync(join(rg, '..'), { recursive: true });
    copyFileSync('/usr/bin/rg', rg);
    chmodSync(rg, 0o755);
  });

  // node-pty's rebuild runs `npx node-gyp`, which would stop at npx's "install?" prompt without npm_config_yes.
  // JOBS=max lets node-gyp compile on every core.
  const nativeStamp = join(installDir, '.native-built');
  step('native modules of VS Code (node-pty, spdlog, ...)', () => existsSync(nativeStamp), () => {
    run('npm', ['rebuild'], vscodeDir, { npm_config_yes: 'true', JOBS: 'max' });
    writeFileSync(nativeStamp, new Date().toISOString() + '\n');
  });

  const links = [
    [join(vscodeDir, 'node_modules.asar'), 'node_modules'],
    [join(vscodeDir, 'bin', 'remote-cli', 'code-server'), 'code-linux.sh'],
    [join(vscodeDir, 'bin', 'helpers', 'browser.sh'), 'browser-linux.sh'],
  ];
  step('symlinks of the postinstall script', () => links.every(([path]) => isSymlink(path)), () => {
    for (const [path, target] of links) {
      if (isSymlink(path)) continue;
      rmSync(path, { force: true });
      symlinkSync(target, path);
    }
  });

  const extensionsStamp = join(installDir, '.extensions-installed');
  step('dependencies of the built-in extensions', () => existsSync(extensionsStamp), () => {
    run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], join(vscodeDir, 'extensions'));
    writeFileSync(extensionsStamp, new Date().toISOString() + '\n');
  });

  const argonStamp = join(installDir, '.argon2-built');
  step('argon2 (native, used by the password login)', () => existsSync(argonStamp), () => {
    run('npm', ['rebuild', 'argon2'], installDir);
    writeFileSync(argonStamp, new Date().toISOString() + '\n');
  });

  step('code-server starts (--version)', () => existsSync(markerFile), () => {
    if (!existsSync(codeServerConfig)) writeFileSync(codeServerConfig, '# Every option is given on the command line by test/editor/runEditorTests.mjs.\nauth: none\n');
    // Its logs would otherwise go to ~/.local/share/code-server.
    const env = { ...process.env, XDG_DATA_HOME: join(installDir, 'xdg-data') };
    const r = spawnSync(process.execPath, [codeServerEntry, '--config', codeServerConfig, '--version'], { encoding: 'utf8', env });
    if (r.status !== 0 || !r.stdout.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version failed:\n${r.stdout}${r.stderr}`);
    log(`  code-server --version: ${r.stdout.trim().split('\n').at(-1)}`);
    writeFileSync(markerFile, CODE_SERVER_VERSION + '\n');
  });
  log(`provisioned code-server ${CODE_SERVER_VERSION} in ${installDir}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    provision(process.argv.includes('--force'));
    log(`finished in ${elapsed()}`);
  } catch (error) {
    log(`FAILED: ${error.message}`);
    process.exitCode = 1;
  }
}
