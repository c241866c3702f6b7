import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverExecArgv } from '../../server/src/launchOptions';
import { DEFAULT_SETTINGS, type PostmortemLintSettings } from '../../server/src/protocol';

/** Reads the typed `postmortemLint.*` settings of one resource. */
export function readSettings(scope: vscode.Uri | undefined): PostmortemLintSettings {
  const config = vscode.workspace.getConfiguration('postmortemLint', scope);
  return {
    enable: config.get('enable', DEFAULT_SETTINGS.enable),
    run: config.get('run', DEFAULT_SETTINGS.run),
    rules: config.get('rules', DEFAULT_SETTINGS.rules),
    include: config.get('include', DEFAULT_SETTINGS.include),
    today: config.get('today', DEFAULT_SETTINGS.today),
    sortTimelineOnFormat: config.get('sortTimelineOnFormat', DEFAULT_SETTINGS.sortTimelineOnFormat),
  };
}

/** Creates the client that runs the bundled server over node IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverExecArgv() } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv(), '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    // The server keeps its workspace index here between sessions (only for a workspace on disk).
    initializationOptions: { indexCacheDir: context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined },
    middleware: {
      workspace: {
        // Settings are answered per resource and typed here, so the server never sees raw editor objects.
        configuration: (params) =>
          params.items.map((item) => (item.section === 'postmortemLint' ? readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null)),
      },
    },
  };
  return new LanguageClient('postmortemLint', 'Postmortem Lint', serverOptions, clientOptions);
}
