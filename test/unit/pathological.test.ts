import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pathologicalInputs } from '../helpers/pathologicalInputs';

/**
 * Each input is linted and formatted in a worker that is killed if it runs away. The limit is a hang
 * detector, far above the expected time (speed is measured by `npm run bench`, not here).
 */
const HANG_LIMIT_MS = 10_000;

function runInWorker(name: string): Promise<{ problems: number; internal: string[]; edits: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'pathologicalWorker.js'), { workerData: { name } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`"${name}" did not finish within ${HANG_LIMIT_MS} ms`));
    }, HANG_LIMIT_MS);
    worker.once('message', (result) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('pathological inputs', function () {
  this.timeout(HANG_LIMIT_MS + 5_000);
  for (const name of Object.keys(pathologicalInputs())) {
    it(`${name}: lints and formats without a crash or a hang`, async () => {
      const result = await runInWorker(name);
      assert.deepEqual(result.internal, [], 'no rule may throw');
    });
  }
});
