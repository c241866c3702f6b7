import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexEntry } from './indexEntry';
import { readEntrySync, type IndexJob } from './indexJob';

/** Files sent to a worker at once: small enough to balance the workers, large enough to amortise a message. */
const BATCH = 64;
/** Fewer files than this are read on the server's thread: starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 256;
/**
 * A small young generation per worker: parsing makes short-lived garbage only, and the default (tens of MB
 * per worker) showed as ~40 MB more peak memory for the server on a 5,000-file workspace with no gain in speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };
/** The bundle or compiled file of the worker, beside this module's output. */
const WORKER_FILE = path.join(__dirname, 'indexWorker.js');

/**
 * Indexes many files in worker threads, one per core (at most four): parsing thousands of postmortems is
 * the slow part of opening a large repository, and it leaves the server's thread free to answer the editor.
 * The entries also arrive as fresh copies, so they no longer hold on to each document's whole text. A batch
 * whose worker fails is read on this thread instead.
 */
export async function indexInWorkers(
  jobs: IndexJob[],
  workers = Math.min(4, availableParallelism()),
  workerFile = WORKER_FILE,
): Promise<(IndexEntry | undefined)[]> {
  const results: (IndexEntry | undefined)[] = new Array(jobs.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let from = 0;
      let to = 0;
      let settled = false;
      const finish = () => {
        settled = true;
        resolve();
      };
      const send = () => {
        if (next >= jobs.length) return finish();
        from = next;
        to = next = Math.min(jobs.length, next + BATCH);
        worker.postMessage(jobs.slice(from, to));
      };
      worker.on('message', (entries: (IndexEntry | undefined)[]) => {
        for (let k = 0; k < entries.length; k++) results[from + k] = entries[k];
        send();
      });
      // Terminating a worker that finished also "exits": only a worker with a batch in hand has failed.
      const fail = () => {
        if (settled) return;
        for (let k = from; k < to; k++) results[k] = readEntrySync(jobs[k]);
        finish();
      };
      worker.once('error', fail);
      worker.once('exit', fail);
      send();
    });
  const pool = Array.from({ length: Math.max(1, workers) }, () => new Worker(workerFile, { resourceLimits: WORKER_LIMITS }));
  try {
    await Promise.all(pool.map(run));
    // A worker that failed leaves batches nobody took: read what is left here.
    while (next < jobs.length) results[next] = readEntrySync(jobs[next++]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
