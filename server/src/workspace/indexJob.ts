import * as fs from 'node:fs';
import type { PostmortemLintConfig } from '../core/config';
import { isPostmortem } from '../core/detect';
import { parsePostmortem } from '../core/model/parse';
import { DEFAULT_MAX_FILE_SIZE } from '../core/settings';
import { indexEntry, type IndexEntry } from './indexEntry';

/** One file to index, with everything decided on the server's thread (plain data: it may go to a worker). */
export interface IndexJob {
  file: string;
  uri: string;
  /** Path relative to its workspace folder, for the include globs. */
  relative: string;
  config: PostmortemLintConfig;
  /** The file's size when the scan stamped it for the index cache: then it is not looked up a second time. */
  size?: number;
}

/** The entry of a file's text, or undefined when the file is not a postmortem. */
function entryOfText(job: IndexJob, text: string): IndexEntry | undefined {
  if (!isPostmortem(job.relative, text, job.config)) return undefined;
  return indexEntry(job.uri, parsePostmortem(text, { severityScale: job.config.severityScale }));
}

/** Whether a file of this size is read at all. */
function withinSizeLimit(job: IndexJob, size: number): boolean {
  return size <= (job.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
}

/**
 * Reads and indexes one file synchronously: in an index worker, or on the server's thread one small batch at
 * a time (a postmortem reads and parses in about a millisecond).
 */
export function readEntrySync(job: IndexJob): IndexEntry | undefined {
  try {
    if (job.size === undefined) {
      const stat = fs.statSync(job.file);
      if (!stat.isFile() || !withinSizeLimit(job, stat.size)) return undefined;
    } else if (!withinSizeLimit(job, job.size)) return undefined;
    const text = fs.readFileSync(job.file, 'utf8');
    // The file may have grown since it was stamped.
    if (job.size !== undefined && !withinSizeLimit(job, text.length)) return undefined;
    return entryOfText(job, text);
  } catch {
    // Unreadable, vanished while indexing, or not text: not a postmortem we can show.
    return undefined;
  }
}
