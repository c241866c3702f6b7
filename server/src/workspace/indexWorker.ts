import { parentPort } from 'node:worker_threads';
import { readEntrySync, type IndexJob } from './indexJob';

/**
 * An index worker: reads and parses batches of files off the server's thread. Bundled on its own
 * (dist/indexWorker.js) so that loading it never starts a language server.
 */
parentPort?.on('message', (jobs: IndexJob[]) => {
  parentPort?.postMessage(jobs.map(readEntrySync));
});
