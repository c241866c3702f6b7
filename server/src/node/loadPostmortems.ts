import * as path from 'node:path';
import type { PostmortemLintConfig } from '../core/config';
import { isPostmortem } from '../core/detect';
import { prepare, type PreparedDocument } from '../core/engine';
import { DEFAULT_MAX_FILE_SIZE } from '../core/settings';
import { ConfigFinder, type LoadedConfig } from './configFile';
import type { Candidate } from './discover';
import { readText, type Encoding } from './readText';

/** How the files of one run are read. */
export interface LoadOptions {
  cwd: string;
  /** A config given with `--config`: used for every file instead of the nearest one. */
  config?: LoadedConfig;
  today?: string;
}

/** A candidate that is a postmortem: read and parsed, or the reason it could not be (`notice`). */
export interface LoadedPostmortem {
  candidate: Candidate;
  /** Path relative to the working folder, with forward slashes. */
  relative: string;
  config: PostmortemLintConfig;
  text?: string;
  encoding?: Encoding;
  notice?: string;
  /** Parsed with its configuration; absent when the file could not be read. */
  prepared?: PreparedDocument;
}

/**
 * Reads the candidates with their nearest configuration and keeps the postmortems: files named explicitly,
 * and files found in folders whose path or content says they are postmortems. Shared by lint and report.
 */
export function loadPostmortems(candidates: Candidate[], options: LoadOptions): LoadedPostmortem[] {
  const finder = new ConfigFinder();
  const loaded: LoadedPostmortem[] = [];
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
    const prepared = prepare(read.text, { config: found.config, today: options.today });
    loaded.push({ candidate, relative, config: found.config, text: read.text, encoding: read.encoding, prepared });
  }
  return loaded;
}

/** The path the include globs are matched against: relative to the config's folder, or absolute when outside it. */
function globPath(base: string, file: string): string {
  const relative = path.relative(base, file);
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).replace(/^\/+/, '');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
