import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedRoot } from '../helpers/paths';
import { assertInvariants, format } from './formatHelpers';

const corpusDir = path.join(sharedRoot, 'corpus');

describe('format: real postmortems (../shared/corpus)', () => {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'ABOUT.md');

  for (const file of files) {
    it(`formats ${file} without losing content, idempotently`, () => {
      const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
      for (const sortTimeline of [true, false]) assertInvariants(text, format(text, { sortTimeline }), { sortTimeline }, file);
      const crlf = text.replace(/\r?\n/g, '\r\n');
      const out = format(crlf);
      assertInvariants(crlf, out, {}, `${file} (CRLF)`);
      assert.equal(out.replace(/\r\n/g, '\n'), format(text).replace(/\r\n/g, '\n'), 'CRLF and LF format alike');
    });
  }

  it('keeps the DFDS --:-- row after the row above it and leaves the 20202 table in order', () => {
    const dfds = fs.readFileSync(path.join(corpusDir, 'dfds-postmortems--PM2019-009-Kubernetes-network-infrastructure-IP-starvation.md'), 'utf8');
    const lines = format(dfds).split('\n');
    const at = lines.findIndex((l) => l.startsWith('| 2019-12-03 --:--'));
    assert.ok(lines[at - 1].startsWith('| 2019-12-02 04:30'));
    const adsync = fs.readFileSync(path.join(corpusDir, 'dfds-postmortems--PM2020-003-Postmortem-for-ADSync-migration.md'), 'utf8');
    const days = format(adsync).split('\n').filter((l) => l.startsWith('| 20202-')).map((l) => l.slice(2, 13));
    assert.deepEqual(days, ['20202-01-16', '20202-01-17', '20202-01-20', '20202-01-24', '20202-01-24']);
  });
});
