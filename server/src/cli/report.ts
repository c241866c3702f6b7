import * as path from 'node:path';
import { computeMetrics } from '../core/metrics/compute';
import { metricsInput, type MetricsInput } from '../core/metrics/input';
import { renderHtmlReport } from '../core/metrics/reportHtml';
import { renderMarkdownReport } from '../core/metrics/reportMarkdown';
import { todayIso } from '../core/model/dates';
import { loadConfigFile } from '../node/configFile';
import { discover } from '../node/discover';
import { loadPostmortems } from '../node/loadPostmortems';
import { parseReportArgs, REPORT_USAGE } from './args';
import type { CliOutcome } from './main';

/** `postmortem-lint report`: the metrics of the postmortems found, as Markdown, JSON or HTML. Throws usage and config errors. */
export function runReport(argv: string[], cwd: string): CliOutcome {
  const args = parseReportArgs(argv);
  if (args.help) return { stdout: REPORT_USAGE + '\n', stderr: '', exitCode: 0 };
  const config = args.config ? loadConfigFile(path.resolve(cwd, args.config)) : undefined;
  const { candidates, unmatched } = discover(args.paths, cwd);
  if (unmatched.length) {
    return { stdout: '', stderr: unmatched.map((p) => `postmortem-lint: no file or folder matches "${p}".`).join('\n') + '\n', exitCode: 2 };
  }
  const loaded = loadPostmortems(candidates, { cwd, config, today: args.today });
  const inputs: MetricsInput[] = [];
  const stderr: string[] = [];
  for (const file of loaded) {
    const doc = file.prepared?.document;
    if (doc) inputs.push(metricsInput(doc, file.relative));
    else stderr.push(`${file.relative}: ${file.notice ?? file.prepared?.notice ?? 'not read'}`);
  }
  // A configured `today` (as for linting) applies when the command line gives none.
  const today = args.today ?? loaded.find((f) => f.prepared)?.prepared?.settings.today ?? todayIso();
  const metrics = computeMetrics(inputs, { since: args.since, until: args.until, groupBy: args.groupBy, today });
  const stdout =
    args.format === 'json' ? JSON.stringify(metrics, null, 2) + '\n' : args.format === 'html' ? renderHtmlReport(metrics) : renderMarkdownReport(metrics);
  return { stdout, stderr: stderr.length ? stderr.join('\n') + '\n' : '', exitCode: 0 };
}
