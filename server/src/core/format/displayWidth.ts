/**
 * Terminal-style display width, enough to align Markdown tables in a monospace editor: East Asian wide and
 * fullwidth characters and emoji take two columns, combining marks, joiners and variation selectors none.
 */

/** East Asian Wide / Fullwidth blocks outside the emoji planes (start, end inclusive), sorted. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60], // Fullwidth forms
  [0xffe0, 0xffe6],
  [0x1b000, 0x1b2ff], // Kana supplement
  [0x1f200, 0x1f2ff], // Enclosed ideographic supplement
  [0x20000, 0x3fffd], // CJK extensions B and later
];

// Emoji_Presentation covers the emoji that render as emoji by default (✅ U+2705, 🔄, 📅, 🚫...): all wide.
const EMOJI = /\p{Emoji_Presentation}/u;
const ZERO = /[\p{Mn}\p{Me}\p{Cf}]/u;

function inWide(code: number): boolean {
  let low = 0;
  let high = WIDE.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = WIDE[mid];
    if (code < start) high = mid - 1;
    else if (code > end) low = mid + 1;
    else return true;
  }
  return false;
}

/** Columns a string takes in a monospace editor. */
export function displayWidth(text: string): number {
  let width = 0;
  // Width and code of the last character that took columns, for VS16, ZWJ and flag pairs.
  let baseWidth = 0;
  let baseCode = 0;
  let afterJoiner = false;
  let openFlag = false;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    let w: number;
    if (code < 0x300) {
      // ASCII and Latin: the fast path for nearly every cell.
      w = code < 0x20 || (code >= 0x7f && code < 0xa0) ? 0 : 1;
    } else if (code === 0xfe0f) {
      // VS16 asks for emoji presentation: a text-default symbol such as ⚠ or ✔ becomes two columns.
      if (baseWidth === 1 && baseCode >= 0x2000) {
        width += 1;
        baseWidth = 2;
      }
      continue;
    } else if (afterJoiner || (code >= 0x1f3fb && code <= 0x1f3ff)) {
      // The rest of a ZWJ sequence (👩‍💻) or a skin tone draws in the cells of the emoji before it.
      afterJoiner = false;
      continue;
    } else if (code >= 0x1f1e6 && code <= 0x1f1ff) {
      // Regional indicators pair up into one flag of two columns.
      openFlag = !openFlag;
      w = openFlag ? 2 : 0;
    } else if (ZERO.test(ch)) {
      afterJoiner = code === 0x200d && baseWidth > 0;
      continue;
    } else {
      w = inWide(code) || EMOJI.test(ch) ? 2 : 1;
    }
    if (code < 0x1f1e6 || code > 0x1f1ff) openFlag = false;
    width += w;
    if (w > 0) {
      baseWidth = w;
      baseCode = code;
    }
  }
  return width;
}
