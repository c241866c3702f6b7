// Types for suites written in TypeScript and bundled (esbuild) into an extensionTestsPath module.

/** What runMochaInExtensionHost runs and how. */
export interface MochaInExtensionHostOptions {
  /** Runs every `*.test.js` under this folder, sorted by path. */
  testsRoot?: string;
  /** Runs exactly these files instead of searching testsRoot. */
  files?: string[];
  /** Mocha's per-test timeout in ms (default 20000). */
  timeout?: number;
  /** Runs only tests whose full title matches; the runner's --grep otherwise. */
  grep?: string;
}

/** Runs the suites with mocha in the extension host; rejects when a test fails, and writes the runner's results file. */
export function runMochaInExtensionHost(options: MochaInExtensionHostOptions): Promise<void>;
/** The environment variable naming the results file. */
export const RESULTS_ENV: string;
/** The environment variable carrying the runner's --grep pattern. */
export const GREP_ENV: string;
