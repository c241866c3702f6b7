import * as path from 'node:path';
import type { PostmortemLintConfig } from '../core/config';
import { isPostmortem } from '../core/detect';
import { fixText, lintPrepared, prepare, type LintOptions } from '../core/engine';
import { summarizeIncident, type IncidentSummary } from '../core/workspace';
import { DEFAULT_MAX_FILE_SIZE } from '../core/settings';
import { ConfigFinder, type LoadedConfig } from '../node/configFile';
import type { Candidate } from '../node/discover';
import type { FileResult } from './formatters/types';
import { readText, writeText, type Encoding } from '../node/readText';

/** How the files of one run are linted. */
export interface RunOptions {
  cwd: string;
  /** A config given with `--config`: used for every file instead of the nearest one. */
  config?: LoadedConfig;
  today?: string;
  fix: boolean;
}

interface Loaded {
  candidate: Candidate;
  relative: string;
  config: PostmortemLintConfig;
  text?: string;
  encoding?: Encoding;
  notice?: string;
}

/** Reads, selects and lints the candidates; with `fix`, rewrites files whose fixes change them. */
export function lintFiles(candidates: Candidate[], options: RunOptions): FileResult[] {
  const finder = new ConfigFinder();
  const loaded: Loaded[] = [];
  for (const candidate of candidates) {
    const found = options.config ?? finder.find(path.dirname(candidate.file));
    const base = found.file ? path.dirname(found.file) : options.cwd;
    const relative = toPosix(path.relative(options.cwd, candidate.file));
    const read = readText(candidate.file, found.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if ('notice' in read) {
      if (candidate.explicit || isPostmortem(globPath(base, candidate.file), undefined, found.config)) {
        loaded.push({ candidate, relative, config: found.config, notice: read.notice });
      }
      continue;
    }
    if (!candidate.explicit && !isPostmortem(globPath(base, candidate.file), read.text, found.config)) continue;
    loaded.push({ candidate, relative, config: found.config, text: read.text, encoding: read.encoding });
  }

  const prepared = loaded.map((file) => (file.text === undefined ? undefined : prepare(file.text, { config: file.config, today: options.today })));
  const incidents: IncidentSummary[] = [];
  prepared.forEach((p, k) => {
    if (p?.document) incidents.push(summarizeIncident(p.document, loaded[k].relative));
  });
  const workspace = { incidents };

  return loaded.map((file, k) => {
    const ready = prepared[k];
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

/** The path the include globs are matched against: relative to the config's folder, or absolute when outside it. */
function globPath(base: string, file: string): string {
  const relative = path.relative(base, file);
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).replace(/^\/+/, '');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
