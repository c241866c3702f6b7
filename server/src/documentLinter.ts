import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isPostmortem } from './core/detect';
import { lint, type LintResult } from './core/engine';
import type { PostmortemDocument } from './core/model/types';
import type { DocumentSettings, EffectiveConfig } from './documentSettings';
import { noticeDiagnostic, toDiagnostics } from './features/diagnostics';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/**
 * Largest document linted while typing, in characters. Re-linting a multi-megabyte document on every
 * keystroke would freeze the editor's diagnostics; such a document gets one diagnostic saying so, and the
 * CLI still lints it (up to `maxFileSize`).
 */
export const LIVE_LINT_LIMIT = 1_000_000;

/** The outcome of linting one version of a document. */
export interface DocumentLint {
  version: number;
  /** Undefined when the document is not a postmortem (it then gets no diagnostics). */
  result?: LintResult;
  diagnostics: Diagnostic[];
  effective: EffectiveConfig;
}

/**
 * Lints open documents once per version and configuration generation, and keeps the workspace index's view
 * of open documents in step with the editor (reusing the same parse).
 */
export class DocumentLinter {
  private readonly cache = new Map<string, DocumentLint & { generation: number }>();
  private generation = 0;

  constructor(
    private readonly settings: DocumentSettings,
    private readonly index: WorkspaceIndex,
    private readonly folders: () => string[],
  ) {}

  /** Settings, config files, the index or the date changed: every cached result is stale. */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The parsed model of a document, linting it if needed; undefined when it is not a postmortem. */
  async model(document: TextDocument): Promise<{ doc: PostmortemDocument; effective: EffectiveConfig } | undefined> {
    const linted = await this.lint(document);
    return linted.result?.document ? { doc: linted.result.document, effective: linted.effective } : undefined;
  }

  async lint(document: TextDocument): Promise<DocumentLint> {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached;
    const generation = this.generation;
    const effective = await this.settings.effectiveFor(document.uri, this.folders());
    const text = document.getText();
    const outcome: DocumentLint = { version: document.version, diagnostics: [], effective };
    const isDoc = effective.settings.enable && isPostmortem(this.relativePath(document.uri, effective.base), text, effective.config);
    if (isDoc && text.length > LIVE_LINT_LIMIT) {
      outcome.diagnostics = [
        noticeDiagnostic(
          `Not linted while typing: ${text.length.toLocaleString('en-US')} characters is over the ${LIVE_LINT_LIMIT.toLocaleString('en-US')} character limit for live linting. Run \`postmortem-lint\` on the file instead.`,
        ),
      ];
      this.index.setOverlayDocument(document.uri, undefined);
    } else if (isDoc) {
      const result = lint(text, {
        config: effective.config,
        today: effective.today,
        uri: document.uri,
        workspace: { incidents: this.index.summaries() },
      });
      outcome.result = result;
      const doc = result.document;
      outcome.diagnostics = doc
        ? toDiagnostics(result.problems, doc.lines, {
            frontMatterEnd: doc.frontMatter?.span.end ?? 0,
            tables: doc.tables.map((t) => ({ startLine: t.startLine, endLine: t.endLine })),
          })
        : [noticeDiagnostic(result.notice ?? 'Not linted.')];
      if (effective.configError) outcome.diagnostics.unshift(noticeDiagnostic(`The configuration file could not be used: ${effective.configError}`));
      this.index.setOverlayDocument(document.uri, doc);
    } else {
      this.index.setOverlayDocument(document.uri, undefined);
    }
    this.cache.set(document.uri, { ...outcome, generation });
    return outcome;
  }

  private relativePath(uri: string, base: string | undefined): string {
    if (!uri.startsWith('file:')) return uri.slice(uri.lastIndexOf('/') + 1);
    const file = fileURLToPath(uri);
    const relative = base ? path.relative(base, file) : path.basename(file);
    return (relative.startsWith('..') ? file : relative).split(path.sep).join('/').replace(/^\/+/, '');
  }
}
