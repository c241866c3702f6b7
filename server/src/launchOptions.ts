/**
 * How a client starts the server's Node process. Shared by the VS Code client and the benchmark, so that the
 * benchmark measures the server as the extension runs it.
 */
import { availableParallelism } from 'node:os';

/** V8's background threads in Node's default pool, which the option below only ever lowers. */
const NODE_DEFAULT_POOL = 4;

/**
 * Node options for the server. Node gives V8 four background threads (optimising compiler, garbage
 * collector) whatever the machine. On a machine with few cores they take turns with the server's own thread,
 * which is the one parsing, and the first pass over a workspace runs mostly unoptimised code while the
 * compiler works. On a two-core machine one background thread instead of four cut the server's cold index of
 * 5,000 postmortems from 4.4 to 4.1 s (medians of 8 alternated starts), and the same parse in one process
 * from 3.4 to 2.9 s. So the pool leaves the server's thread a core of its own.
 *
 * A 16 MB young generation from the start (`--min-semi-space-size=16`) was tried and left out: it looked 4%
 * faster on the index in six noisy starts, but in the benchmark's own session it made the 10 KB typing p95
 * 8.3-9.3 ms against 4.5-7.0 ms without it, and the index no faster (four alternated sessions each).
 */
export function serverExecArgv(cores = availableParallelism()): string[] {
  const pool = Math.max(1, cores - 1);
  return pool < NODE_DEFAULT_POOL ? [`--v8-pool-size=${pool}`] : [];
}
