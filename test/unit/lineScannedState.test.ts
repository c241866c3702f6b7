import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { useLineScannedState } from '../../server/src/core/model/lineScannedState';

const MARKS = ['bMarks', 'eMarks', 'tShift', 'sCount', 'bsCount', 'lineMax', 'src', 'line', 'blkIndent', 'parentType', 'level'] as const;

function marksOf(md: MarkdownIt, src: string): Record<string, unknown> {
  const state = new md.block.State(src, md, {}, []);
  return Object.fromEntries(MARKS.map((key) => [key, state[key]]));
}

describe('line-scanned block state', () => {
  const original = new MarkdownIt({ html: true });
  const scanned = new MarkdownIt({ html: true });
  useLineScannedState(scanned);

  it('gives the line marks of markdown-it’s own scan on random texts', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', 'a', '# h', '- x', '|', '\u00a0', '\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const src = parts.join('');
        assert.deepEqual(marksOf(scanned, src), marksOf(original, src), JSON.stringify(src));
      }),
      { seed: 20261129, numRuns: 20000 },
    );
  });

  it('keeps the edge cases: no final newline, a final line of blanks, only blanks', () => {
    for (const src of ['a', 'a\n', 'a\n  ', 'a\n \tb', ' \t ', '\n', '\t\tx\n\n  \n', '']) {
      assert.deepEqual(marksOf(scanned, src), marksOf(original, src), JSON.stringify(src));
    }
  });

  it('parses documents to the same tokens', () => {
    const src = '# T\n\n> q\n> - a\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n1. x\n   ```\n   code\n   ```\n\n\tindented\n  \n';
    assert.deepEqual(scanned.parse(src, {}), original.parse(src, {}));
  });
});
