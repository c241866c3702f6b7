import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoPath } from './paths';

/** A real LSP client connected to the bundled server over stdio. */
export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcessWithoutNullStreams;
  /** Settings the client answers `workspace/configuration` with. */
  settings: Record<string, unknown>;
  /** Diagnostics published by the server, by URI (push mode). */
  published: Map<string, PublishDiagnosticsParams>;
  notifications: { method: string; params: unknown }[];
  stderr: string[];
  /** Resolves with the next published diagnostics for a URI that satisfy a condition. */
  waitForDiagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Resolves on the next notification with this method. */
  waitForNotification(method: string, timeoutMs?: number): Promise<unknown>;
  open(uri: string, text: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Capabilities of a modern client (pull diagnostics, dynamic registration) or an LSP 3.16 one (push only). */
export function clientCapabilities(pull: boolean): ClientCapabilities {
  return {
    workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true },
      completion: { completionItem: { snippetSupport: false } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
}

/** Spawns `dist/server.js --stdio`, initializes it on a workspace folder and returns the client. */
export async function startServer(
  folder: string,
  options: { pull?: boolean; settings?: Record<string, unknown>; env?: Record<string, string>; initializationOptions?: Record<string, unknown> } = {},
): Promise<TestClient> {
  const child = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const published = new Map<string, PublishDiagnosticsParams>();
  const notifications: { method: string; params: unknown }[] = [];
  const waiters: { method: string; resolve: (params: unknown) => void }[] = [];
  const client: TestClient = {
    connection,
    process: child,
    settings: { enable: true, run: 'onType', rules: {}, include: [], today: '2026-01-15', sortTimelineOnFormat: true, ...(options.settings ?? {}) },
    published,
    notifications,
    stderr,
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 10_000) {
      const current = published.get(uri);
      if (current && accept(current.diagnostics)) return Promise.resolve(current.diagnostics);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        const check = (params: unknown) => {
          const p = params as PublishDiagnosticsParams;
          if (p.uri === uri && accept(p.diagnostics)) {
            clearTimeout(timer);
            resolve(p.diagnostics);
          } else waiters.push({ method: 'textDocument/publishDiagnostics', resolve: check });
        };
        waiters.push({ method: 'textDocument/publishDiagnostics', resolve: check });
      });
    },
    waitForNotification(method, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ method, resolve: (params) => { clearTimeout(timer); resolve(params); } });
      });
    },
    async open(uri, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 3000);
        child.on('exit', () => { clearTimeout(timer); resolve(); });
      });
      connection.dispose();
    },
  };
  const deliver = (method: string, params: unknown) => {
    notifications.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') published.set((params as PublishDiagnosticsParams).uri, params as PublishDiagnosticsParams);
    const ready = waiters.filter((w) => w.method === method);
    for (const w of ready) waiters.splice(waiters.indexOf(w), 1);
    for (const w of ready) w.resolve(params);
  };
  for (const method of ['textDocument/publishDiagnostics', 'postmortemLint/indexChanged', 'window/logMessage', 'window/showMessage']) {
    connection.onNotification(method, (params: unknown) => deliver(method, params));
  }
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    deliver('workspace/diagnostic/refresh', null);
    return null;
  });
  connection.listen();
  const folderUri = pathToFileURL(folder).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'test' }],
    capabilities: clientCapabilities(options.pull ?? true),
    initializationOptions: options.initializationOptions,
  });
  const indexed = client.waitForNotification('postmortemLint/indexChanged');
  await connection.sendNotification('initialized', {});
  await indexed;
  return client;
}
