import type { Dirent } from 'node:fs';
import * as path from 'node:path';

/** Folders never searched for postmortems: dependencies, version control, build output. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out', 'dist']);
const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/**
 * Splits a folder's entries into subfolders to descend into and Markdown files. Symbolic links to folders
 * are never followed, so a link loop cannot trap a walk.
 */
export function sortEntries(dir: string, entries: Dirent[]): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) dirs.push(full);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MARKDOWN_FILE.test(entry.name)) {
      files.push(full);
    }
  }
  return { dirs, files };
}
