import type { FileResult } from './types';

/** ANSI colours, used only when printing to a terminal that wants them. */
interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Paint = { red: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };
const ansi: Paint = {
  red: (t) => `\x1b[31m${t}\x1b[39m`,
  yellow: (t) => `\x1b[33m${t}\x1b[39m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Human-readable output grouped by file, in the manner of ESLint's stylish formatter. */
export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = color ? ansi : plain;
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const result of results) {
    if (result.problems.length === 0) continue;
    out.push('', paint.bold(result.relative));
    const rows = result.problems.map((p) => {
      counts[p.severity]++;
      if (p.fix) fixable++;
      return [`${p.range.start.line + 1}:${p.range.start.character + 1}`, p.severity, p.message, `${p.ruleId} ${p.ruleName}`];
    });
    const width = [0, 1].map((k) => Math.max(...rows.map((r) => r[k].length)));
    for (const [where, severity, message, rule] of rows) {
      const level = severity.padEnd(width[1]);
      const coloured = severity === 'error' ? paint.red(level) : severity === 'warning' ? paint.yellow(level) : paint.dim(level);
      out.push(`  ${paint.dim(where.padEnd(width[0]))}  ${coloured}  ${message}  ${paint.dim(rule)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total > 0) {
    const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} info)`;
    out.push('', counts.error ? paint.red(paint.bold(summary)) : paint.yellow(paint.bold(summary)));
    if (fixable) out.push(paint.dim(`  ${plural(fixable, 'problem')} can be fixed with --fix`));
  }
  return out.length ? out.join('\n') + '\n' : '';
}
