import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexEntry } from './indexEntry';
import { readEntrySync, type IndexJob } from './indexJob';

/** Files sent to a worker at once: small enough to balance the workers, large enough to amortise a message. */
const BATCH = 64;
/**
 * Files the server's own thread parses between two looks at its message queue: 5 to 10 ms of work, so an
 * editor's request waits no longer than that while the index fills.
 */
const LOCAL_BATCH = 8;
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
 * How many index workers to start beside the server's thread. One core is left to V8's own background
 * threads (compiler, garbage collector) and the editor, so a two-core machine gets none: measured on one (the
 * benchmark's kind), a worker plus this thread took 4.0 s for 5,000 files where this thread alone took 3.4 s,
 * because its two virtual cores do not add up for this allocation-heavy work (two processes each parsing half
 * the files took as long as one parsing all). `POSTMORTEM_LINT_INDEX_WORKERS` overrides it (0 to 8).
 */
export function defaultWorkerCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const set = Number(env.POSTMORTEM_LINT_INDEX_WORKERS);
  if (env.POSTMORTEM_LINT_INDEX_WORKERS !== undefined && env.POSTMORTEM_LINT_INDEX_WORKERS !== '' && Number.isInteger(set)) return Math.max(0, Math.min(8, set));
  return Math.max(0, Math.min(3, cores - 2));
}

/**
 * Indexes many files on this thread, in small batches between requests, and in worker threads where the
 * machine has cores to spare (`defaultWorkerCount`): parsing thousands of postmortems is the slow part of
 * opening a large repository. Taking a share on this thread also means the parse code is optimised by the
 * time the person starts typing. A batch whose worker fails is read on this thread instead.
 */
export async function indexFiles(jobs: IndexJob[], workers = defaultWorkerCount(), workerFile = WORKER_FILE): Promise<(IndexEntry | undefined)[]> {
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
        for (let k = from; k < to; k++) results[k] = ownStrings(readEntrySync(jobs[k]));
        finish();
      };
      worker.once('error', fail);
      worker.once('exit', fail);
      send();
    });
  const local = async () => {
    while (next < jobs.length) {
      const from = next;
      const to = (next = Math.min(jobs.length, next + LOCAL_BATCH));
      for (let k = from; k < to; k++) results[k] = ownStrings(readEntrySync(jobs[k]));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const pool = Array.from({ length: Math.max(0, workers) }, () => new Worker(workerFile, { resourceLimits: WORKER_LIMITS }));
  try {
    await Promise.all([...pool.map(run), local()]);
    // A worker that failed leaves batches nobody took: read what is left here.
    while (next < jobs.length) results[next] = ownStrings(readEntrySync(jobs[next++]));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}


/**
 * Gives an entry made on this thread strings of its own. Its texts are slices of the document, and V8 keeps a
 * sliced string's whole parent alive: the index of 5,000 files held 58 MB instead of 42 MB, and the server's
 * peak grew with it. (A structured clone did the same in 630 ms; this takes about 170 ms.) Equal strings of
 * one entry share one copy, as the uri and titles repeated in every action item did before. Entries from
 * workers are copies already.
 */
export function ownStrings<T>(value: T, copies = new Map<string, string>()): T {
  if (typeof value === 'string') {
    if (value.length < SLICE_MIN) return value;
    let copy = copies.get(value);
    if (copy === undefined) copies.set(value, (copy = (' ' + value).slice(1)));
    return copy as T;
  }
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) value[k] = ownStrings(value[k], copies);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const field = record[key];
      if (typeof field === 'string' || (field && typeof field === 'object')) record[key] = ownStrings(field, copies);
    }
  }
  return value;
}

/** V8 copies substrings shorter than this instead of slicing them, so they pin nothing. */
const SLICE_MIN = 13;
