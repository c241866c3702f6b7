import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { useLineScannedState } from '../../server/src/core/model/lineScannedState';
import { blank } from '../../server/src/core/model/prose';

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

  it('from `env.firstLine` on, parses to the tokens of the text with the lines before it blanked', () => {
    // What a front matter was before the block parse could start after it: blanked to spaces, kept as lines.
    const piece = fc.constantFrom('---', 'a: b', '# h', '- x', '```', '<!--', '-->', '| a |', '| - |', '  ', '\t', 'text', '> q', '===');
    // No empty line text: a '\r' line end followed by an empty line ending in '\n' would be one '\r\n'.
    const line = fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 14 }), fc.nat(14), (rows, cut) => {
        const firstLine = Math.min(cut, rows.length);
        const head = rows.slice(0, firstLine).map(([text, end]) => text + end).join('');
        const src = head + rows.slice(firstLine).map(([text, end]) => text + end).join('');
        const blanked = blank(src, [{ start: 0, end: head.length }]);
        assert.deepEqual(scanned.parse(src, { firstLine }), scanned.parse(blanked, {}), JSON.stringify({ src, firstLine }));
      }),
      { seed: 20261129, numRuns: 20000 },
    );
  });

  it('parses documents to the same tokens', () => {
    const src = '# T\n\n> q\n> - a\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n1. x\n   ```\n   code\n   ```\n\n\tindented\n  \n';
    assert.deepEqual(scanned.parse(src, {}), original.parse(src, {}));
  });
});
