// The language server over stdio, driven like an editor: index a workspace, then edit large documents.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { serverExecArgv } = require('../../out/server/src/launchOptions.js');

const SETTINGS = { enable: true, run: 'onType', rules: {}, include: [], today: '2026-01-15', sortTimelineOnFormat: true };
const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false } },
};

/** Kilobytes of a /proc/PID/status field (VmHWM is the peak resident set). */
function procStatusKb(pid, field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

/**
 * Starts `dist/server.js --stdio` with the Node options the extension gives it, as a pull-diagnostics client
 * on `folder`, keeping its index in `cacheDir`.
 */
function start(repo, folder, cacheDir) {
  const child = spawn(process.execPath, [...serverExecArgv(), join(repo, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  child.stderr.resume();
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => SETTINGS));
  for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh']) connection.onRequest(method, () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  const uri = pathToFileURL(folder).toString();
  const initialized = connection
    .sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'bench' }],
      capabilities: CAPABILITIES,
      initializationOptions: { indexCacheDir: cacheDir },
    })
    .then(() => connection.sendNotification('initialized', {}));
  return { child, connection, initialized };
}

/** The position just after the first occurrence of `marker` (a paragraph a person would edit). */
function positionAfter(text, marker) {
  const offset = text.indexOf(marker) + marker.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

/** Edits a document `edits` times (type a character, delete it, …), pulling diagnostics after each edit. */
async function editRoundTrips(connection, uri, text, edits) {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const first = performance.now();
  const opened = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const firstMs = performance.now() - first;
  const at = positionAfter(text, '## Executive Summary\n\n');
  const times = [];
  for (let version = 2; version < edits + 2; version++) {
    const typed = version % 2 === 0;
    const range = { start: at, end: typed ? at : { line: at.line, character: at.character + 1 } };
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typed ? 'x' : '' }] });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    times.push(performance.now() - start);
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const declined = opened.items.some((d) => d.message.startsWith('Not linted'));
  return { firstMs, diagnostics: opened.items.length, declined, times };
}

/**
 * One server session on `folder` (the corpus workspace): time from `initialize` to a complete action-item
 * list, then diagnostics round trips on each large document, then the server's peak memory.
 */
export async function serverSession(repo, folder, largeDocs, editsFor, cacheDir) {
  const startedAt = performance.now();
  const { child, connection, initialized } = start(repo, folder, cacheDir);
  try {
    await initialized;
    const items = await completeActionItems(connection);
    const indexMs = performance.now() - startedAt;
    const incidents = (await connection.sendRequest('postmortemLint/incidents', {})).length;
    const edits = {};
    for (const [label, text] of Object.entries(largeDocs)) {
      const uri = pathToFileURL(join(folder, 'postmortems', 'open', `postmortem-${label.replace(' ', '').toLowerCase()}.md`)).toString();
      edits[label] = { bytes: text.length, ...(await editRoundTrips(connection, uri, text, editsFor(label))) };
    }
    const peakKb = procStatusKb(child.pid, 'VmHWM');
    return { indexMs, actionItems: items.length, incidents, edits, peakMb: peakKb / 1024 };
  } finally {
    await stop(child, connection);
  }
}

/** One start on the folder with this cache directory (empty, or written by an earlier start): time to the complete action-item list. */
export async function timeToActionItems(repo, folder, cacheDir) {
  const startedAt = performance.now();
  const { child, connection, initialized } = start(repo, folder, cacheDir);
  try {
    await initialized;
    const items = await completeActionItems(connection);
    return { indexMs: performance.now() - startedAt, actionItems: items.length };
  } finally {
    await stop(child, connection);
  }
}

/**
 * Asks for the action items until the index is complete; they come grouped by postmortem. The index is
 * swapped in whole when its scan ends, so the first non-empty answer is the complete one.
 */
async function completeActionItems(connection) {
  for (;;) {
    const groups = await connection.sendRequest('postmortemLint/actionItems', {});
    if (groups.length > 0) return groups.flatMap((group) => group.items);
    await sleep(5);
  }
}

async function stop(child, connection) {
  await Promise.race([connection.sendRequest('shutdown'), sleep(2000)]);
  connection.sendNotification('exit');
  await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(3000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
  connection.dispose();
}
