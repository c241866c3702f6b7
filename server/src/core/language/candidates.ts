/**
 * Running a regex only where it can match. A global regex tries every offset of a document; when every match must
 * sit next to a rare mark (`://`, `=`, a literal prefix), trying a sticky copy at the few offsets near the marks finds
 * exactly the matches the global scan finds, for a fraction of the work.
 */

/** An inclusive range of offsets where a match may start. */
export type Window = readonly [from: number, to: number];

const stickyCopies = new WeakMap<RegExp, RegExp>();

/** `pattern` with the sticky flag instead of the global one, built once. */
function sticky(pattern: RegExp): RegExp {
  let copy = stickyCopies.get(pattern);
  if (!copy) stickyCopies.set(pattern, (copy = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`)));
  return copy;
}

/**
 * The matches a global scan of `text` with `pattern` finds, given windows that hold every offset where a match
 * can start. Windows come in increasing order (neither end ever decreasing); each offset is tried once.
 */
export function matchesIn(pattern: RegExp, text: string, windows: Iterable<Window>): RegExpExecArray[] {
  const re = sticky(pattern);
  const found: RegExpExecArray[] = [];
  let next = 0;
  for (const [from, to] of windows) {
    let at = Math.max(from, next);
    while (at <= to) {
      re.lastIndex = at;
      const m = re.exec(text);
      // Like the global scan, carry on after a match, never inside it.
      if (m) found.push(m);
      at += m ? Math.max(m[0].length, 1) : 1;
    }
    next = Math.max(next, at);
  }
  return found;
}

/** Windows `[at - before, at - after]` around each occurrence of `literal`. */
export function* aroundLiteral(text: string, literal: string, before: number, after: number): Iterable<Window> {
  for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) yield [at - before, at - after];
}

/** Offsets of `:` and `=` in increasing order: every `key = value` and `key: value` has one. */
export function assignmentMarks(text: string): number[] {
  const marks: number[] = [];
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  while (colon >= 0 || equals >= 0) {
    if (equals < 0 || (colon >= 0 && colon < equals)) {
      marks.push(colon);
      colon = text.indexOf(':', colon + 1);
    } else {
      marks.push(equals);
      equals = text.indexOf('=', equals + 1);
    }
  }
  return marks;
}

/**
 * Where the key before the assignment mark at `mark` ends: back over at most `maxSpaces` spaces or tabs and an
 * optional quote. -1 when more spaces than that come before the mark.
 */
export function keyEnd(text: string, mark: number, maxSpaces: number): number {
  let at = mark;
  while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) {
    if (mark - at === maxSpaces) return -1;
    at--;
  }
  const quote = text.charCodeAt(at - 1);
  return quote === 34 || quote === 39 ? at - 1 : at;
}
