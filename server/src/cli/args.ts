import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseIsoDate } from '../core/model/dates';

/** The output formats of `--format`. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

/** Parsed command line. */
export interface CliArgs {
  paths: string[];
  format: (typeof FORMATS)[number];
  fix: boolean;
  today?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

/** Bad usage: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: postmortem-lint [paths or globs...] [options]

Lints postmortem Markdown files. Folders are searched for postmortems (by path and content);
files named explicitly are always linted. With no path, the current folder is searched.

Options:
  --format <name>      stylish (default), json, sarif or github
  --fix                apply every safe fix and rewrite the files
  --today <date>       the date that counts as today (YYYY-MM-DD), for overdue deadlines
  --config <file>      use this .json, .jsonc, .yaml or .yml configuration instead of the nearest one
  --max-warnings <n>   exit with 1 when there are more than n warnings
  --quiet              report errors only
  -h, --help           show this help
  -v, --version        show the version

Commands:
  report               incident metrics and trends (postmortem-lint report --help)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage or configuration.`;

/** `parseArgs` in strict mode, its errors turned into UsageError (exit code 2). */
function parseStrict<T extends ParseArgsConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

/** Parses the command line; throws UsageError for anything it does not understand. */
export function parseCliArgs(argv: string[]): CliArgs {
  const parsed = parseStrict(argv, {
    format: { type: 'string', short: 'f' },
    fix: { type: 'boolean' },
    today: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  if (values.today !== undefined && !parseIsoDate(values.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${values.today}".`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${values['max-warnings']}".`);
  }
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format as CliArgs['format'],
    fix: values.fix ?? false,
    today: values.today,
    config: values.config,
    maxWarnings,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** The formats of `report --format`. */
export const REPORT_FORMATS = ['md', 'json', 'html'] as const;

/** Parsed `report` command line. */
export interface ReportArgs {
  paths: string[];
  format: (typeof REPORT_FORMATS)[number];
  since?: string;
  until?: string;
  groupBy: 'month' | 'quarter';
  today?: string;
  config?: string;
  help: boolean;
}

export const REPORT_USAGE = `Usage: postmortem-lint report [paths or globs...] [options]

Incident metrics and trends from the postmortems found (as for linting): MTTR, incidents per month,
repeat rate, action-item completion, time to postmortem, top root causes and services.

Options:
  --since <date>       first incident date counted (YYYY-MM-DD, inclusive)
  --until <date>       last incident date counted (YYYY-MM-DD, inclusive)
  --group-by <unit>    month (default) or quarter, for the trend by period
  --today <date>       the date overdue action items are counted against (YYYY-MM-DD)
  --format <name>      md (default), json or html (one self-contained file)
  --config <file>      use this configuration instead of the nearest one
  -h, --help           show this help

Exit codes: 0 report written, 2 bad usage or configuration.`;

/** Parses the arguments after \`report\`; throws UsageError for anything it does not understand. */
export function parseReportArgs(argv: string[]): ReportArgs {
  const parsed = parseStrict(argv, {
    format: { type: 'string', short: 'f' },
    since: { type: 'string' },
    until: { type: 'string' },
    'group-by': { type: 'string' },
    today: { type: 'string' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  const format = values.format ?? 'md';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown report format "${format}"; use one of ${REPORT_FORMATS.join(', ')}.`);
  const groupBy = values['group-by'] ?? 'month';
  if (groupBy !== 'month' && groupBy !== 'quarter') throw new UsageError(`--group-by must be month or quarter, not "${groupBy}".`);
  for (const name of ['since', 'until', 'today'] as const) {
    const value = values[name];
    if (value !== undefined && !parseIsoDate(value)) throw new UsageError(`--${name} must be a date written YYYY-MM-DD, not "${value}".`);
  }
  if (values.since && values.until && values.since > values.until) throw new UsageError(`--since ${values.since} is after --until ${values.until}.`);
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format as ReportArgs['format'],
    since: values.since,
    until: values.until,
    groupBy,
    today: values.today,
    config: values.config,
    help: values.help ?? false,
  };
}
