import type { FileResult } from './types';

/** One problem in the JSON output: 1-based lines and columns (columns in UTF-16 code units). */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  ruleName: string;
  tags: string[];
  severity: string;
  message: string;
  fixable: boolean;
}

/** One JSON array of every problem. */
export function formatJson(results: FileResult[]): string {
  const problems: JsonProblem[] = results.flatMap((result) =>
    result.problems.map((p) => ({
      file: result.relative,
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      endLine: p.range.end.line + 1,
      endColumn: p.range.end.character + 1,
      ruleId: p.ruleId,
      ruleName: p.ruleName,
      tags: p.tags,
      severity: p.severity,
      message: p.message,
      fixable: p.fix !== undefined,
    })),
  );
  return JSON.stringify(problems, null, 2) + '\n';
}
