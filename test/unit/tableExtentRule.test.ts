import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { useTableExtentRule } from '../../server/src/core/model/tableExtentRule';

/** markdown-it as `markdown.ts` configures it: HTML blocks on, block phase only. */
function blockParser(): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  return md;
}

const TABLE_INTERNAL = new Set([
  'thead_open', 'thead_close', 'tbody_open', 'tbody_close', 'tr_open', 'tr_close',
  'th_open', 'th_close', 'td_open', 'td_close', 'inline',
]);

/** (type, map, level, nesting, tag) of every token, without the tokens inside a table. */
function outline(md: MarkdownIt, src: string): string[] {
  const result: string[] = [];
  let inTable = false;
  for (const token of md.parse(src, {})) {
    if (token.type === 'table_close') inTable = false;
    if (inTable) {
      assert.ok(TABLE_INTERNAL.has(token.type), `unexpected ${token.type} in a table`);
      continue;
    }
    result.push(`${token.type} ${JSON.stringify(token.map)} ${token.level} ${token.nesting} ${token.tag}`);
    if (token.type === 'table_open') inTable = true;
  }
  return result;
}

const prefix = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t', '> ', '>', '> > ', '- ', '  - ', '1. ', '   ', '>  - ', '* ');
const cell = fc.constantFrom('a', ' b ', '\\|', '`x|y`', '', ' ', 'c\\', '\\\\|', '\u00a0', ' d e ', '\t', '**', '<b>');
const delimiterCell = fc.constantFrom('-', '---', ':-', '-:', ':-:', ' - ', '', ' ', ':', '- -', '--', '\t-\t', '::', ':--:', ' :-: ', '-x');
const edge = fc.constantFrom('', '', '|', '| ', ' |', '\\|');

const row = fc
  .tuple(prefix, edge, fc.array(cell, { maxLength: 6 }), edge, fc.constantFrom('', ' ', '\t', '  '))
  .map(([p, open, cells, close, tail]) => p + open + cells.join('|') + close + tail);
const delimiterRow = fc
  .tuple(prefix, fc.constantFrom('', '|', '| ', ' |'), fc.array(delimiterCell, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '|', ' |', '| '))
  .map(([p, open, cells, close]) => p + open + cells.join('|') + close);
const other = fc.constantFrom(
  '', '', '   ', '\t', '# h', '## h |', '```', '~~~', '<div>', '</div>', '<!-- c -->', '- item', '1. item', '> q', '>', '|', ' | ',
  '||', '***', '---', '===', 'text', 'a | b', '    code | x', '[ref]: /url', '\\|', '|-|', '-|', '- |', ':|', '\u00a0|', '| \u00a0 |', '\u2028',
);
const line = fc.oneof({ arbitrary: row, weight: 4 }, { arbitrary: delimiterRow, weight: 2 }, { arbitrary: other, weight: 2 });

describe('table extent rule', () => {
  const stock = blockParser();
  const extent = blockParser();
  useTableExtentRule(extent);

  it('finds the tables markdown-it finds, with the same lines, and the same other tokens', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.boolean(), (lines, finalNewline) => {
        const src = lines.join('\n') + (finalNewline ? '\n' : '');
        assert.deepEqual(outline(extent, src), outline(stock, src), JSON.stringify(src));
      }),
      { seed: 20261129, numRuns: 40000 },
    );
  });

  it('pushes only table_open and table_close for a table', () => {
    const tokens = extent.parse('| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 |\n\ntext\n', {});
    assert.deepEqual(tokens.map((t) => t.type), ['table_open', 'table_close', 'paragraph_open', 'inline', 'paragraph_close']);
    assert.deepEqual(tokens[0].map, [0, 4]);
  });

  it('ends a table where markdown-it caps the autocompleted cells', function () {
    this.timeout(30_000);
    // 65,536 autocompleted cells at most: wide headers with short rows reach the cap, longer rows push it back.
    const repeat = (count: number, cells: number): number[] => new Array<number>(count).fill(cells);
    const tables: [number, number[]][] = [
      [1000, [0, 1, 999, 0, 1, 0, 2].flatMap((cells) => repeat(20, cells))],
      [3000, repeat(40, 0)],
      // 256 × 256 = 65,536 is the cap itself; one more cell crosses it
      [256, [...repeat(256, 0), 255, 0]],
      [256, [...repeat(256, 0), 256, 0]],
      [256, [...repeat(255, 0), 255, 0, 0]],
      [257, repeat(300, 1)],
      [2000, [3000, 0, 5, 10].flatMap((cells) => repeat(15, cells))],
    ];
    const cases = tables.map(([columns, rows]) => {
      const header = '|' + ' h |'.repeat(columns);
      const delimiter = '|' + '-|'.repeat(columns);
      // a row of no cells is a lone `|`; `x` is one cell
      const body = rows.map((cells, i) => (cells === 0 ? '|' : cells === 1 && i % 2 ? 'x' : '|' + ' c |'.repeat(cells)));
      return [header, delimiter, ...body, '', 'after'].join('\n');
    });
    for (const src of cases) {
      const expected = outline(stock, src);
      assert.deepEqual(outline(extent, src), expected);
      assert.ok(expected[0].startsWith('table_open'));
    }
    // and that at least one of them was cut by the cap rather than by its end
    assert.ok(cases.some((src) => !outline(stock, src)[0].includes(`${src.split('\n').length - 2}]`)));
  });
});
