import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { LintProblem } from '../core/engine';
import type { LineIndex, Span } from '../core/model/lineIndex';
import { ruleDocUrl } from '../core/rules/docs';
import type { Fix } from '../core/rules/rule';
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';

/** The diagnostic `source` of every problem. */
export const SOURCE = 'postmortem-lint';

const SEVERITY: Record<LintProblem['severity'], DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

/** A fix in LSP terms, carried in `diagnostic.data` so that code actions never lint again. */
export interface LspFix {
  title: string;
  edits: LspTextEdit[];
}

/** What each diagnostic carries for its code actions. */
export interface DiagnosticData {
  ruleId: string;
  ruleName: string;
  fix?: LspFix;
  suggestions?: LspFix[];
  /** The problem's line is in front matter or a table, where a disable comment cannot go on the line. */
  lineDisable: 'line' | 'table' | 'none';
  /** Lines the table spans, for wrapping it in disable/enable comments. */
  table?: { startLine: number; endLine: number };
}

/** Converts a core fix to LSP edits. */
export function toLspFix(lines: LineIndex, fix: Fix): LspFix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText })) };
}

function toRange(lines: LineIndex, span: Span) {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** Where a problem's line sits, for the "disable for this line" action. */
export interface LineContext {
  frontMatterEnd: number;
  tables: { startLine: number; endLine: number }[];
}

/** Turns engine problems into LSP diagnostics with code, doc link, source and fix data. */
export function toDiagnostics(problems: LintProblem[], lines: LineIndex, context: LineContext): Diagnostic[] {
  return problems.map((problem) => {
    const line = problem.range.start.line;
    const table = context.tables.find((t) => line >= t.startLine && line <= t.endLine);
    const data: DiagnosticData = {
      ruleId: problem.ruleId,
      ruleName: problem.ruleName,
      fix: problem.fix && toLspFix(lines, problem.fix),
      suggestions: problem.suggestions?.map((s) => toLspFix(lines, s)),
      lineDisable: problem.span.start < context.frontMatterEnd ? 'none' : table ? 'table' : 'line',
      table,
    };
    const diagnostic: Diagnostic = {
      range: problem.range,
      severity: SEVERITY[problem.severity],
      code: problem.ruleId,
      source: SOURCE,
      message: problem.message,
      data,
    };
    if (problem.ruleId !== 'PM000') diagnostic.codeDescription = { href: ruleDocUrl({ id: problem.ruleId, alias: problem.ruleName }) };
    return diagnostic;
  });
}

/** One information diagnostic saying why a document is not linted (size limit, unusable config file). */
export function noticeDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: SOURCE, message };
}
