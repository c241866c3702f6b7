import * as assert from 'node:assert/strict';
import { normalizeTerms, stem, termSimilarity, textSimilarity } from '../../server/src/core/model/similarity';

describe('root-cause similarity', () => {
  it('folds word forms to one stem', () => {
    assert.equal(stem('rotated'), stem('rotation'));
    assert.equal(stem('rotate'), stem('rotating'));
    assert.equal(stem('migrated'), stem('migration'));
    assert.equal(stem('configured'), stem('configure'));
    assert.equal(stem('certificates'), stem('certificate'));
    assert.equal(stem('memories'), stem('memory'));
    assert.equal(stem('process'), 'process');
    assert.equal(stem('processes'), 'process');
    assert.equal(stem('dns'), 'dns');
  });

  it('keeps content terms once, without markup, numbers or stop words', () => {
    assert.deepEqual(normalizeTerms('The **disk** was full because the [logs](https://x.test/a) were not rotated; 300 GB of logs.'), [
      'disk', 'full', 'log', 'rot', 'gb',
    ]);
    assert.deepEqual(normalizeTerms('Root cause: caused by the incident'), []);
    assert.deepEqual(normalizeTerms(''), []);
  });

  it('caps very long texts', () => {
    const words = Array.from({ length: 500 }, (_, k) => `word${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`);
    assert.equal(normalizeTerms(words.join(' ')).length, 60);
  });

  it('rates the same cause in other words as similar', () => {
    const october = 'Disk full on db-primary because application logs were not rotated';
    assert.ok(textSimilarity(october, 'Logs were not rotated after the server migration, so the disk on db-primary filled up.') >= 0.5);
    assert.ok(textSimilarity(october, 'Application logs on db-primary were not rotated and filled the disk.') >= 0.5);
    assert.equal(textSimilarity('TLS certificate expired', 'The TLS certificates expire'), 1);
  });

  it('rates different causes as dissimilar', () => {
    const october = 'Disk full on db-primary because application logs were not rotated';
    assert.ok(textSimilarity(october, 'The TLS certificate for billing expired because renewal emails went to a deleted mailbox.') < 0.2);
    assert.equal(textSimilarity('Disk full', 'Disk quota exceeded on the CI runner'), 0);
    assert.equal(textSimilarity('Bad deploy', 'Bad config'), 0);
    assert.equal(textSimilarity('', 'anything at all'), 0);
  });

  it('lets a one-word cause match a longer wording of it', () => {
    assert.equal(termSimilarity(['oom'], ['oom', 'proxy']), 1 / Math.sqrt(2));
  });

  it('is symmetric', () => {
    const a = normalizeTerms('Redis ran out of memory during the cache warm-up');
    const b = normalizeTerms('Cache warm-up exhausted Redis memory');
    assert.equal(termSimilarity(a, b), termSimilarity(b, a));
  });
});
