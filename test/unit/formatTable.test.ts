import * as assert from 'node:assert/strict';
import { formatDocument } from '../../server/src/core/format/formatDocument';
import { displayWidth } from '../../server/src/core/format/displayWidth';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { assertInvariants, format } from './formatHelpers';

function check(input: string, expected: string): void {
  const output = format(input);
  assert.equal(output, expected);
  assertInvariants(input, output);
}

describe('format: displayWidth', () => {
  it('counts ASCII, CJK, status emoji and combining marks', () => {
    assert.equal(displayWidth('Done'), 4);
    assert.equal(displayWidth('✅ Done'), 7);
    assert.equal(displayWidth('🔄'), 2);
    assert.equal(displayWidth('📅 2026-01-15'), 13);
    assert.equal(displayWidth('🚫 Blocked'), 10);
    assert.equal(displayWidth('障害対応'), 8);
    assert.equal(displayWidth('장애'), 4);
    assert.equal(displayWidth('ＡＢ'), 4);
    assert.equal(displayWidth('e\u0301te\u0301'), 3);
    assert.equal(displayWidth('⚠️'), 2);
    assert.equal(displayWidth('⚠'), 1);
    assert.equal(displayWidth('👩‍💻'), 2);
    assert.equal(displayWidth('👍🏽'), 2);
    assert.equal(displayWidth('🇩🇰🇬🇧'), 4);
    assert.equal(displayWidth('→ café'), 6);
  });
});

describe('format: table layout', () => {
  it('pads columns to the widest cell and rebuilds the delimiter', () => {
    check(
      '# Notes\n\n|a|bb|\n|-|-|\n|ccc|d|\n\nAfter.\n',
      '# Notes\n\n| a   | bb  |\n| --- | --- |\n| ccc | d   |\n\nAfter.\n',
    );
  });

  it('keeps alignment colons and pads right and centre aligned cells', () => {
    check(
      '| Left | Centre | Right | None |\n|:-|:-:|-:|-|\n| a | b | c | d |\n| long text | x | 12345678 | y |\n',
      [
        '| Left      | Centre |    Right | None |',
        '| :-------- | :----: | -------: | ---- |',
        '| a         |   b    |        c | d    |',
        '| long text |   x    | 12345678 | y    |',
        '',
      ].join('\n'),
    );
  });

  it('formats the MoJ right-aligned timestamp column', () => {
    check(
      '## Timeline\n| Timestamp          | Note |\n| -----------------: | :--  |\n| 2026-03-30 07:11| Begin |\n| 2026-03-30 09:14 | Rollback started |\n',
      '## Timeline\n|        Timestamp | Note             |\n| ---------------: | :--------------- |\n| 2026-03-30 07:11 | Begin            |\n| 2026-03-30 09:14 | Rollback started |\n',
    );
  });

  it('measures wide characters and emoji in display columns', () => {
    check(
      '| Status | Item |\n|---|---|\n| ✅ Done | 障害 |\n| 🚫 Blocked | x |\n',
      '| Status     | Item |\n| ---------- | ---- |\n| ✅ Done    | 障害 |\n| 🚫 Blocked | x    |\n',
    );
  });

  it('keeps escaped pipes and pipes in code spans inside their cell', () => {
    check(
      '| Command | Meaning |\n|---|---|\n| `a | b` | pipe in code |\n| x \\| y | escaped |\n',
      '| Command | Meaning      |\n| ------- | ------------ |\n| `a | b` | pipe in code |\n| x \\| y  | escaped      |\n',
    );
  });

  it('adds leading and trailing pipes to a table written without them', () => {
    check('a | b\n--- | ---\n1 | 2\n', '| a   | b   |\n| --- | --- |\n| 1   | 2   |\n');
  });

  it('pads short rows with empty cells', () => {
    check('| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2\n', '| a   | b   | c   |\n| --- | --- | --- |\n| 1   |     |     |\n| 1   | 2   |     |\n');
  });

  it('keeps the extra cells of long rows after the last column, aligned among themselves', () => {
    check(
      '| a | b |\n|---|---|\n| 1 | 2 | extra | more |\n| 3 | 4 | x |\n| 5 | 6 |\n',
      '| a   | b   |\n| --- | --- |\n| 1   | 2   | extra | more |\n| 3   | 4   | x     |\n| 5   | 6   |\n',
    );
  });

  it('drops only empty cells past the last column', () => {
    check('| a | b |\n|---|---|\n| 1 | 2 | |\n', '| a   | b   |\n| --- | --- |\n| 1   | 2   |\n');
  });

  it('keeps the indentation of a table inside a list item', () => {
    check(
      '- Item with a table:\n\n  | a | b |\n  |---|---|\n  | long | x |\n- Next\n',
      '- Item with a table:\n\n  | a    | b   |\n  | ---- | --- |\n  | long | x   |\n- Next\n',
    );
  });

  it('keeps CRLF line endings', () => {
    check('Intro\r\n\r\n|a|b|\r\n|-|-|\r\n|1|2|\r\n\r\nEnd\r\n', 'Intro\r\n\r\n| a   | b   |\r\n| --- | --- |\r\n| 1   | 2   |\r\n\r\nEnd\r\n');
  });

  it('removes trailing spaces after the last pipe and keeps a blank header', () => {
    check('| | |\n|-|-|\n| Time in SEV-1 | ?mins |   \n', '|               |       |\n| ------------- | ----- |\n| Time in SEV-1 | ?mins |\n');
  });

  it('treats a cell of only a byte order mark (U+FEFF) as empty, as the model does', () => {
    const input = '| a | b |\n|---|---|\n| 1 | \uFEFF | \uFEFF |\n';
    const row = parsePostmortem(input).tables[0].rows[0];
    assert.deepEqual(
      row.cells.map((cell) => cell.text),
      ['1', '', ''],
    );
    // Blank in its column, and dropped past the last column like any empty cell.
    check(input, '| a   | b   |\n| --- | --- |\n| 1   |     |\n');
  });

  it('keeps a no-break space that belongs to a cell', () => {
    check('| a | b |\n|---|---|\n| \u00a0x | y |\n', '| a   | b   |\n| --- | --- |\n| \u00a0x  | y   |\n');
  });

  it('leaves a table alone when its header and delimiter disagree on the columns', () => {
    // splitRow keeps the code span whole (2 cells) but markdown-it counts 3: rebuilding the delimiter would
    // stop the text being a table.
    const text = '| `a|b` | c |\n|---|---|---|\n| 1 | 2 | 3 |\n';
    const doc = parsePostmortem(text);
    assert.equal(doc.tables.length, 1);
    assert.deepEqual(formatDocument(doc, { sortTimeline: true }), []);
  });

  it('leaves a table alone when it starts on a list marker line', () => {
    for (const text of ['- a | b\n  --|--\n  1 | 2\n', '- | a | b |\n  |---|---|\n  | 1 | 2 |\n', '1. a | b\n   --|--\n']) {
      assert.deepEqual(formatDocument(parsePostmortem(text), { sortTimeline: true }), [], text);
    }
  });

  it('returns no edits for an already formatted document, and one edit per changed line', () => {
    const formatted = '| a   | b   |\n| --- | --- |\n| 1   | 2   |\n';
    assert.deepEqual(formatDocument(parsePostmortem(formatted), { sortTimeline: true }), []);
    const edits = formatDocument(parsePostmortem('| a   | b   |\n| --- | --- |\n| 1 | 2 |\n'), { sortTimeline: true });
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0], { span: { start: 28, end: 37 }, newText: '| 1   | 2   |' });
  });

  it('formats only the tables that meet the range', () => {
    const text = '|a|b|\n|-|-|\n|1|2|\n\nMiddle\n\n|c|d|\n|-|-|\n|3|4|\n';
    const second = text.indexOf('|c|');
    const doc = parsePostmortem(text);
    const edits = formatDocument(doc, { sortTimeline: true, range: { start: second + 1, end: second + 3 } });
    assert.ok(edits.length > 0 && edits.every((e) => e.span.start >= second));
    const cursor = formatDocument(doc, { sortTimeline: true, range: { start: 2, end: 2 } });
    assert.ok(cursor.length > 0 && cursor.every((e) => e.span.end < second));
    const between = text.indexOf('Middle');
    assert.deepEqual(formatDocument(doc, { sortTimeline: true, range: { start: between, end: between + 6 } }), []);
  });
});
