import * as path from 'node:path';
import { rules } from '../core/rules/index';
import { parseCliArgs, REPORT_USAGE, USAGE, UsageError } from './args';
import { ConfigFileError, loadConfigFile } from '../node/configFile';
import { discover } from '../node/discover';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FileResult } from './formatters/types';
import { lintFiles } from './lintFiles';
import { runReport } from './report';

declare const POSTMORTEM_LINT_VERSION: string | undefined;
const VERSION = typeof POSTMORTEM_LINT_VERSION === 'string' ? POSTMORTEM_LINT_VERSION : '0.0.0-dev';

/** What a run prints and its exit code (kept apart from process I/O so it is easy to reason about). */
export interface CliOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs the CLI on arguments; never throws. */
export function runCli(argv: string[], cwd: string, isTty = false): CliOutcome {
  const report = argv[0] === 'report';
  try {
    if (report) return runReport(argv.slice(1), cwd);
    const args = parseCliArgs(argv);
    if (args.help) return { stdout: USAGE + '\n', stderr: '', exitCode: 0 };
    if (args.version) return { stdout: VERSION + '\n', stderr: '', exitCode: 0 };
    const config = args.config ? loadConfigFile(path.resolve(cwd, args.config)) : undefined;
    const { candidates, unmatched } = discover(args.paths, cwd);
    if (unmatched.length) {
      return { stdout: '', stderr: unmatched.map((p) => `postmortem-lint: no file or folder matches "${p}".`).join('\n') + '\n', exitCode: 2 };
    }
    let results = lintFiles(candidates, { cwd, config, today: args.today, fix: args.fix });
    if (args.quiet) results = results.map((r) => ({ ...r, problems: r.problems.filter((p) => p.severity === 'error') }));
    const stderr = results.filter((r) => r.notice).map((r) => `${r.relative}: ${r.notice}`);
    const errors = count(results, 'error');
    const warnings = count(results, 'warning');
    let exitCode = errors > 0 ? 1 : 0;
    if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
      exitCode = 1;
      stderr.push(`postmortem-lint found too many warnings (${warnings}; at most ${args.maxWarnings} allowed).`);
    }
    return { stdout: format(args.format, results, isTty), stderr: stderr.length ? stderr.join('\n') + '\n' : '', exitCode };
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `postmortem-lint: ${error.message}\n\n${report ? REPORT_USAGE : USAGE}\n`, exitCode: 2 };
    if (error instanceof ConfigFileError) return { stdout: '', stderr: `postmortem-lint: invalid configuration\n${error.message}\n`, exitCode: 2 };
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { stdout: '', stderr: `postmortem-lint: unexpected failure, please report it:\n${detail}\n`, exitCode: 2 };
  }
}

function count(results: FileResult[], severity: string): number {
  return results.reduce((n, r) => n + r.problems.filter((p) => p.severity === severity).length, 0);
}

function format(name: string, results: FileResult[], isTty: boolean): string {
  switch (name) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, rules, VERSION);
    case 'github':
      return formatGithub(results);
    default:
      return formatStylish(results, isTty && !process.env.NO_COLOR);
  }
}

if (require.main === module) {
  const outcome = runCli(process.argv.slice(2), process.cwd(), process.stdout.isTTY === true);
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}
