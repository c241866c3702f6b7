// Small statistics and timing helpers shared by the measurements.
import { performance } from 'node:perf_hooks';

/** The q-quantile (0..1) of numbers, nearest rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median of numbers. */
export const median = (values) => quantile(values, 0.5);

/** Milliseconds taken by a synchronous function. */
export function timeMs(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The median of `runs` timings of `fn`, after one untimed warm-up run when `warmUp` is set. */
export function medianMs(fn, runs, warmUp = true) {
  if (warmUp) fn();
  return median(Array.from({ length: runs }, () => timeMs(fn)));
}
