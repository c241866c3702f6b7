import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from './core/engine';
import { todayIso } from './core/model/dates';
import { DocumentLinter } from './documentLinter';
import { DocumentSettings } from './documentSettings';
import { FIX_ALL_KIND, minimalEdit, quickFixes } from './features/codeActions';
import { actionItemLens } from './features/codeLens';
import { complete } from './features/completion';
import { formatEdits } from './features/formatting';
import { hover } from './features/hover';
import { workspaceSymbols } from './features/symbols';
import { ActionItemsRequest, type PostmortemActionItems, IncidentsRequest, IndexChangedNotification, MetricsRequest, ServerInfoRequest, TimelineRangesRequest } from './protocol';
import { metricsFor } from './features/metrics';
import { incidentInfo, overdueDays } from './workspace/indexEntry';
import { IndexCache } from './workspace/indexCache';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import { CONFIG_FILE_NAMES } from './node/configFile';
import { guard } from './guard';
import { serverConnection } from './stdioConnection';

const connection = serverConnection();
const documents = new TextDocuments(TextDocument);
const settings = new DocumentSettings(connection);
const index = new WorkspaceIndex((file) => settings.configForFile(file));
let folders: string[] = [];
const linter = new DocumentLinter(settings, index, () => folders);
let pullDiagnostics = false;
let watchFilesDynamically = false;
let configurationChangeDynamically = false;
let workspaceFolderEvents = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  settings.supportsConfiguration = capabilities.workspace?.configuration === true;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  watchFilesDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  configurationChangeDynamically = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
  // A directory the client owns (VS Code's workspace storage) where the index is kept between sessions.
  const cacheDir = (params.initializationOptions as { indexCacheDir?: unknown } | undefined)?.indexCacheDir;
  index.useCache(IndexCache.in(typeof cacheDir === 'string' && path.isAbsolute(cacheDir) ? cacheDir : undefined));
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => fileURLToPath(f.uri));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'postmortem-lint', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      completionProvider: { triggerCharacters: ['#', ' ', '|', '@', ':'] },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'postmortem-lint' },
  };
});

connection.onInitialized(async () => {
  if (configurationChangeDynamically) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortemLint' });
  if (watchFilesDynamically) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{md,markdown}' }, ...CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` }))],
    });
  }
  if (workspaceFolderEvents) watchWorkspaceFolders();
  await index.scan(folders);
  refreshAll();
});

/** Re-lint everything: settings, config files, the index or the date changed. */
function refreshAll(): void {
  linter.invalidate();
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  else for (const document of documents.all()) void publish(document);
}

let indexTimer: NodeJS.Timeout | undefined;
index.onDidChange(() => {
  // Typing changes the index on every keystroke; tell clients at most a few times a second.
  if (indexTimer) return;
  indexTimer = setTimeout(() => {
    indexTimer = undefined;
    void connection.sendNotification(IndexChangedNotification.type, { postmortems: index.size });
  }, 250);
});

async function publish(document: TextDocument): Promise<void> {
  const linted = await guard(connection, 'lint', () => linter.lint(document), undefined);
  if (!linted || documents.get(document.uri)?.version !== document.version) return;
  if (linted.effective.settings.run === 'onSave' && !savedVersions.has(document.uri)) return;
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: linted.diagnostics });
}

const pending = new Map<string, NodeJS.Timeout>();
const savedVersions = new Set<string>();
documents.onDidChangeContent(({ document }) => {
  if (pullDiagnostics) {
    // The client pulls; keep the index's view of the open document current for the other documents.
    void guard(connection, 'index', () => linter.lint(document), undefined);
    return;
  }
  clearTimeout(pending.get(document.uri));
  pending.set(document.uri, setTimeout(() => { pending.delete(document.uri); void publish(document); }, 100));
});

documents.onDidSave(({ document }) => {
  savedVersions.add(document.uri);
  if (!pullDiagnostics) void publish(document);
});

documents.onDidClose(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  savedVersions.delete(document.uri);
  settings.forget(document.uri);
  linter.forget(document.uri);
  void index.clearOverlay(document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const linted = await guard(connection, 'diagnostics', () => linter.lint(document), undefined);
  const onSaveOnly = linted?.effective.settings.run === 'onSave' && !savedVersions.has(document.uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: linted && !onSaveOnly ? linted.diagnostics : [] };
});

connection.onCodeAction(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  return guard(connection, 'code actions', async () => {
    const actions = quickFixes(document, params);
    const wantsFixAll = params.context.only?.some((kind) => FIX_ALL_KIND.startsWith(kind)) ?? false;
    if (wantsFixAll) {
      const linted = await linter.lint(document);
      if (linted.result?.document) {
        const fixed = fixText(document.getText(), { config: linted.effective.config, today: linted.effective.today, uri: document.uri, workspace: { incidents: index.summaries() } });
        const edit = minimalEdit(document, fixed.text);
        if (edit) actions.push({ title: 'Fix all postmortem-lint problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } });
      }
    }
    return actions;
  }, []);
});

connection.onCompletion(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  return guard(connection, 'completion', async () => {
    const model = await linter.model(document);
    if (!model) return [];
    const entries = index.all();
    return complete(model.doc, params.position, {
      today: model.effective.today,
      severityScale: model.effective.config.severityScale ?? ['P0', 'P1', 'P2', 'P3'],
      owners: entries.flatMap((e) => e.owners),
      tags: entries.flatMap((e) => e.summary.tags),
      services: entries.flatMap((e) => e.summary.services),
      incidentIds: entries.map((e) => e.summary.incidentId).filter((id): id is string => !!id),
    });
  }, []);
});

connection.onHover(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return null;
  return guard(connection, 'hover', async () => {
    const model = await linter.model(document);
    if (!model) return null;
    return hover(model.doc, params.position, model.effective.today, index.all().map((e) => incidentInfo(e, model.effective.today))) ?? null;
  }, null);
});

connection.onCodeLens(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  return guard(connection, 'code lens', async () => {
    const model = await linter.model(document);
    return model ? actionItemLens(model.doc, model.effective.today) : [];
  }, []);
});

connection.onDocumentFormatting(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  return guard(connection, 'formatting', async () => {
    const model = await linter.model(document);
    return model ? formatEdits(model.doc, model.effective.settings.sortTimelineOnFormat) : [];
  }, []);
});

connection.onDocumentRangeFormatting(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || token.isCancellationRequested) return [];
  return guard(connection, 'range formatting', async () => {
    const model = await linter.model(document);
    return model ? formatEdits(model.doc, model.effective.settings.sortTimelineOnFormat, params.range) : [];
  }, []);
});

connection.onRequest(ServerInfoRequest.type, () => ({ pid: process.pid }));

connection.onWorkspaceSymbol((params) => workspaceSymbols(index.all(), params.query));

connection.onRequest(ActionItemsRequest.type, async () => {
  const today = await todayFor();
  return index.all().flatMap((entry): PostmortemActionItems[] => entry.actionItems.length === 0 ? [] : [{
    uri: entry.uri,
    postmortem: entry.postmortem,
    // Only an overdue item is copied, to add its days; the others are sent as the index holds them.
    items: entry.actionItems.map((item) => {
      const days = overdueDays(item, today);
      return days === undefined ? item : { ...item, overdueDays: days };
    }),
  }]);
});

connection.onRequest(IncidentsRequest.type, async () => {
  const today = await todayFor();
  return index.all().map((entry) => incidentInfo(entry, today));
});

connection.onRequest(MetricsRequest.type, async (params) => metricsFor(index.all().map((e) => e.metrics), params ?? {}, await todayFor()));

connection.onRequest(TimelineRangesRequest.type, async ({ uri }) => {
  const document = documents.get(uri);
  if (!document) return [];
  return guard(connection, 'timeline ranges', async () => {
    const model = await linter.model(document);
    const tables = model?.doc.timeline?.tables ?? [];
    return tables.map((t) => ({ start: model!.doc.lines.positionAt(t.span.start), end: model!.doc.lines.positionAt(t.span.end) }));
  }, []);
});

/** The workspace's "today" for workspace-wide requests: as configured for the first folder, or the real date. */
async function todayFor(): Promise<string> {
  if (!folders.length) return todayIso();
  const probe = pathToFileURL(path.join(folders[0], 'postmortem.md')).toString();
  return (await settings.effectiveFor(probe, folders)).today;
}

connection.onDidChangeConfiguration(() => {
  settings.reset();
  refreshAll();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  let configChanged = false;
  for (const change of changes) {
    const name = change.uri.slice(change.uri.lastIndexOf('/') + 1);
    if (CONFIG_FILE_NAMES.includes(name)) configChanged = true;
    else if (change.type === 3) index.remove(change.uri);
    else await index.refreshFile(change.uri);
  }
  if (configChanged) {
    settings.reset();
    await index.scan(folders);
  }
  refreshAll();
});

/** Multi-root: index the folders as they come and go. */
function watchWorkspaceFolders(): void {
  connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
    const removed = new Set(event.removed.map((f) => fileURLToPath(f.uri)));
    folders = [...folders.filter((f) => !removed.has(f)), ...event.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri))];
    await index.scan(folders);
    refreshAll();
  });
}

// Deadlines become overdue at midnight: re-lint when the date changes.
let lastDay = todayIso();
setInterval(() => {
  const day = todayIso();
  if (day !== lastDay) {
    lastDay = day;
    refreshAll();
  }
}, 60_000).unref();

// The index cache is written on the way out (see WorkspaceIndex.saveCache); a server that is killed just
// starts cold next time.
connection.onShutdown(() => guard(connection, 'index cache', () => index.saveCache(), undefined));

documents.listen(connection);
connection.listen();
