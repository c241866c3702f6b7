import type MarkdownIt from 'markdown-it';

type StateBlock = InstanceType<MarkdownIt['block']['State']>;
type StateBlockArgs = ConstructorParameters<MarkdownIt['block']['State']>;

/**
 * Makes markdown-it's block parser find line marks with `indexOf`.
 *
 * markdown-it's StateBlock constructor reads every character of the text in a JavaScript loop to find where
 * lines start and end and how far each is indented: that loop was about a fifth of the whole block parse. Only
 * the indentation needs a character loop; the line's end is an `indexOf('\n')`, which the engine runs far
 * faster. The marks are the same, also for its edge cases: a last line without a newline ends at the text's
 * end, and a last line of only spaces and tabs is not a line at all (`test/unit/lineScannedState.test.ts`
 * compares the two on random texts).
 */
export function useLineScannedState(md: MarkdownIt): void {
  const Original = md.block.State;
  function LineScannedState(this: StateBlock, src: StateBlockArgs[0], parser: StateBlockArgs[1], env: StateBlockArgs[2], tokens: StateBlockArgs[3]): void {
    // The original sets every other field, for an empty text; only the line marks are replaced.
    Original.call(this, '', parser, env, tokens);
    this.src = src;
    scanLines(this, src);
    // The block parse starts at this line (`env.firstLine`): the lines before it are marked, so that line
    // numbers stay the text's, but never parsed. A front matter is left out this way, with no copy of the text.
    const firstLine = (env as { firstLine?: number } | undefined)?.firstLine;
    if (firstLine) this.line = Math.min(firstLine, this.lineMax);
  }
  LineScannedState.prototype = Original.prototype;
  md.block.State = LineScannedState as unknown as typeof Original;
}

/** Fills the state's per-line arrays, plus the end-of-text sentinel line markdown-it expects. */
function scanLines(state: StateBlock, src: string): void {
  const { bMarks, eMarks, tShift, sCount, bsCount } = emptyMarks(state);
  const length = src.length;
  let start = 0;
  while (start < length) {
    let pos = start;
    let indent = 0;
    let offset = 0;
    for (; pos < length; pos++, indent++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x20) offset++;
      else if (ch === 0x09) offset += 4 - (offset % 4);
      else break;
    }
    if (pos >= length) break;
    const newline = src.indexOf('\n', pos);
    const end = newline < 0 ? length : newline;
    bMarks.push(start);
    eMarks.push(end);
    tShift.push(indent);
    sCount.push(offset);
    bsCount.push(0);
    start = end + 1;
  }
  bMarks.push(length);
  eMarks.push(length);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  state.lineMax = bMarks.length - 1;
}

function emptyMarks(state: StateBlock): Pick<StateBlock, 'bMarks' | 'eMarks' | 'tShift' | 'sCount' | 'bsCount'> {
  state.bMarks = [];
  state.eMarks = [];
  state.tShift = [];
  state.sCount = [];
  state.bsCount = [];
  return state;
}
