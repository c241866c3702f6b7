import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverExecArgv } from '../../server/src/launchOptions';

describe('how the server process is started', () => {
  it('leaves the server thread a core of its own on small machines, and Node its default pool on larger ones', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 16].map((cores) => serverExecArgv(cores)), [
      ['--v8-pool-size=1'],
      ['--v8-pool-size=1'],
      ['--v8-pool-size=2'],
      ['--v8-pool-size=3'],
      [],
      [],
    ]);
  });

  it('gives options this Node accepts', () => {
    // A misspelt option makes Node refuse to start: the extension's server would never come up.
    const run = spawnSync(process.execPath, [...serverExecArgv(2), '-e', 'process.exit(0)'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
