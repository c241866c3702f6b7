import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch/posix';
import { sortEntries } from './markdownFiles';


/** A file to consider, and whether it was named explicitly (then it is always linted). */
export interface Candidate {
  file: string;
  explicit: boolean;
}

/** Expands the command line's paths and globs into Markdown files; returns the candidates and the inputs that matched nothing. */
export function discover(inputs: string[], cwd: string): { candidates: Candidate[]; unmatched: string[] } {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const unmatched: string[] = [];
  const add = (file: string, explicit: boolean) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push({ file: key, explicit });
  };
  for (const input of inputs) {
    const before = candidates.length;
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) add(absolute, true);
    else if (stat?.isDirectory()) walk(absolute, (file) => add(file, false));
    else if (picomatch.scan(input).isGlob) {
      const { base, glob } = picomatch.scan(input);
      const root = path.resolve(cwd, base || '.');
      const match = picomatch(glob, { dot: false });
      walk(root, (file) => {
        if (match(path.relative(root, file).split(path.sep).join('/'))) add(file, true);
      });
    }
    if (candidates.length === before && !stat?.isDirectory()) unmatched.push(input);
  }
  candidates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { candidates, unmatched };
}

/** Walks a folder for Markdown files without following symbolic links to folders (no loops). */
function walk(root: string, visit: (file: string) => void): void {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const { dirs, files } = sortEntries(dir, entries);
    stack.push(...dirs);
    files.forEach(visit);
  }
}
