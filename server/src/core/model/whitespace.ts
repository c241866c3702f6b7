/** Character tests that scan loops share, so they agree with the regexes they stand in for. */

/** Whether a UTF-16 code unit is whitespace as `\s` means it in a JavaScript regex (with or without the `u` flag). */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first offset from `at` (before `end`) that is not `\s` whitespace. */
export function skipRegexSpaces(text: string, at: number, end = text.length): number {
  while (at < end && isRegexSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Whether a code unit ends a line for `^` and `$` in a multiline regex. */
export function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
