import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE, type DiagnosticData } from './diagnostics';

/** The fix-all kind: a sub-kind of `source.fixAll`, so "fix all on save" picks it up. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem-lint`;

/** Quick fixes for the diagnostics in the request, read back from `diagnostic.data` (no second lint). */
export function quickFixes(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind))) return actions;
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data) continue;
    const uri = document.uri;
    const action = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: preferred,
      edit: { changes: { [uri]: edits } },
    });
    if (data.fix) actions.push(action(data.fix.title, data.fix.edits, true));
    for (const suggestion of data.suggestions ?? []) actions.push(action(suggestion.title, suggestion.edits));
    if (data.ruleId === 'PM000') continue;
    const key = `${data.ruleId}:${diagnostic.range.start.line}`;
    if (disabled.has(key)) continue;
    disabled.add(key);
    const lineEdit = disableForLine(document, diagnostic, data);
    if (lineEdit) actions.push(action(lineEdit.title, lineEdit.edits));
    actions.push(action(`Disable ${data.ruleId} (${data.ruleName}) for this file`, [disableForFile(document, data.ruleId)]));
  }
  return actions;
}

function lineEnd(document: TextDocument, line: number): { line: number; character: number } {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return { line, character: text.replace(/\r?\n$|\r$/, '').length };
}

/** End-of-line comment for prose; around the whole table for a table row, which a comment line would split. */
function disableForLine(document: TextDocument, diagnostic: Diagnostic, data: DiagnosticData): { title: string; edits: TextEdit[] } | undefined {
  const rule = data.ruleId;
  if (data.lineDisable === 'table' && data.table) {
    const eol = eolOf(document);
    const start = { line: data.table.startLine, character: 0 };
    const end = lineEnd(document, data.table.endLine);
    return {
      title: `Disable ${rule} (${data.ruleName}) for this table`,
      edits: [
        { range: { start, end: start }, newText: `<!-- postmortem-lint-disable ${rule} -->${eol}${eol}` },
        { range: { start: end, end }, newText: `${eol}${eol}<!-- postmortem-lint-enable ${rule} -->` },
      ],
    };
  }
  if (data.lineDisable !== 'line') return undefined;
  const end = lineEnd(document, diagnostic.range.start.line);
  return {
    title: `Disable ${rule} (${data.ruleName}) for this line`,
    edits: [{ range: { start: end, end }, newText: ` <!-- postmortem-lint-disable-line ${rule} -->` }],
  };
}

/** A file-wide disable comment goes after the front matter (a comment inside YAML would break it). */
function disableForFile(document: TextDocument, rule: string): TextEdit {
  const text = document.getText();
  const eol = eolOf(document);
  let line = 0;
  const fence = /^(?:---|\+\+\+)\s*$/;
  const lines = text.split(/\r\n|\r|\n/);
  if (fence.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, k) => k > 0 && l.trim() === lines[0].trim());
    if (close > 0) line = close + 1;
  }
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `<!-- postmortem-lint-disable-file ${rule} -->${eol}` };
}

function eolOf(document: TextDocument): string {
  const text = document.getText();
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** One edit that turns `before` into `after`: the changed middle between their common prefix and suffix. */
export function minimalEdit(document: TextDocument, after: string): TextEdit | undefined {
  const before = document.getText();
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never cut a surrogate pair in two.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isHighSurrogate(before.charCodeAt(before.length - 1 - suffix))) suffix--;
  return {
    range: { start: document.positionAt(prefix), end: document.positionAt(before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
