import type { LintProblem } from '../../core/engine';

/** The lint outcome of one file, as every formatter receives it. */
export interface FileResult {
  /** Absolute path. */
  file: string;
  /** Path relative to the working folder, with forward slashes. */
  relative: string;
  problems: LintProblem[];
  /** Why the file was not linted, when it was not. */
  notice?: string;
}

/** Turns the results of a run into the text printed on standard output. */
export type Formatter = (results: FileResult[]) => string;
