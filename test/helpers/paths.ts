import * as path from 'node:path';

/** The repository root (tests run from `out/test/...`). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** `../shared` beside the repository: the corpus and domain guide. */
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');

/** Resolves a path inside the repository. */
export function repoPath(...parts: string[]): string {
  return path.join(repoRoot, ...parts);
}
