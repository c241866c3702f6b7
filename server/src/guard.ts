import type { Connection } from 'vscode-languageserver';

/**
 * Runs a feature so that a failure becomes a logged error and a fallback result: the server never dies
 * because one request or one document went wrong.
 */
export async function guard<T>(connection: Connection, what: string, run: () => T | Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`postmortem-lint: ${what} failed: ${detail}`);
    return fallback;
  }
}
