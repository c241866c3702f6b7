/** A zero-based line/character position, characters counted in UTF-16 code units as LSP does. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open span of UTF-16 offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Maps offsets to positions and back. Recognises `\n`, `\r\n` and a lone `\r` as line breaks, so
 * positions agree with what an LSP client computes for the same text.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];
  /** Offset just past each line's content, before its line break. */
  readonly lineEnds: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    if (text.indexOf('\r') < 0) {
      // The common case: only \n, found with indexOf rather than a loop over every character.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
        ends.push(at);
        starts.push(at + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 13 /* \r */) {
          ends.push(i);
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (ch === 10 /* \n */) {
          ends.push(i);
          starts.push(i + 1);
        }
      }
    }
    ends.push(text.length);
    this.lineStarts = starts;
    this.lineEnds = ends;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnds[line]);
  }

  /** Span of a line's content (no line break). */
  lineSpan(line: number): Span {
    return { start: this.lineStarts[line], end: this.lineEnds[line] };
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset between the CR and LF of a CRLF is not a position inside the line: it ends the line.
    return { line: low, character: Math.min(clamped, this.lineEnds[low]) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnds[position.line]);
  }

  /** Line of an offset. */
  lineAt(offset: number): number {
    return this.positionAt(offset).line;
  }

  /** The end-of-line sequence the document mostly uses, for edits that insert lines. */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    if (crlf >= 0) return '\r\n';
    // A file with only lone CRs (classic Mac) keeps them: an inserted LF would mix line endings.
    if (this.text.includes('\r') && !this.text.includes('\n')) return '\r';
    return '\n';
  }
}
