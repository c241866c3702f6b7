import { fixText, lintPrepared, type LintOptions } from '../core/engine';
import { summarizeIncident, type IncidentSummary } from '../core/workspace';
import type { LoadedConfig } from '../node/configFile';
import type { Candidate } from '../node/discover';
import { loadPostmortems } from '../node/loadPostmortems';
import type { FileResult } from './formatters/types';
import { writeText } from '../node/readText';

/** How the files of one run are linted. */
export interface RunOptions {
  cwd: string;
  /** A config given with `--config`: used for every file instead of the nearest one. */
  config?: LoadedConfig;
  today?: string;
  fix: boolean;
}

/** Reads, selects and lints the candidates; with `fix`, rewrites files whose fixes change them. */
export function lintFiles(candidates: Candidate[], options: RunOptions): FileResult[] {
  const loaded = loadPostmortems(candidates, options);
  const incidents: IncidentSummary[] = [];
  for (const file of loaded) if (file.prepared?.document) incidents.push(summarizeIncident(file.prepared.document, file.relative));
  const workspace = { incidents };

  return loaded.map((file) => {
    const ready = file.prepared;
    if (!ready || file.text === undefined) return { file: file.candidate.file, relative: file.relative, problems: [], notice: file.notice };
    const lintOptions: LintOptions = { config: file.config, today: options.today, workspace, uri: file.relative };
    if (options.fix && ready.document) {
      const fixed = fixText(file.text, lintOptions);
      if (fixed.text !== file.text) writeText(file.candidate.file, fixed.text, file.encoding ?? 'utf8');
      return { file: file.candidate.file, relative: file.relative, problems: fixed.result.problems, notice: fixed.result.notice };
    }
    const result = lintPrepared(ready, lintOptions);
    return { file: file.candidate.file, relative: file.relative, problems: result.problems, notice: result.notice };
  });
}
