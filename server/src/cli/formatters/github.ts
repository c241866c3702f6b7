import type { FileResult } from './types';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one annotation per problem. */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const p of result.problems) {
      const props = [
        `file=${escapeProperty(result.relative)}`,
        `line=${p.range.start.line + 1}`,
        `endLine=${p.range.end.line + 1}`,
        `col=${p.range.start.character + 1}`,
        `endColumn=${p.range.end.character + 1}`,
        `title=${escapeProperty(`${p.ruleId} ${p.ruleName}`)}`,
      ];
      lines.push(`::${COMMAND[p.severity]} ${props.join(',')}::${escapeData(p.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
