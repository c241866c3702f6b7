/**
 * Trimming by loops. `/[x]+$/` looks like one pass but restarts at every character of a long run that is not
 * at the end (quadratic: 5 s on 55,000 tabs), and postmortems hold pasted logs with such runs.
 */

/** Whether a character is in `chars`, or is whitespace when `chars` includes `\s` (written as the two characters). */
function matches(ch: string, chars: string): boolean {
  return chars.includes(ch) || (chars.includes('\\s') && /\s/.test(ch));
}

/** The text without a leading run of these characters. */
export function trimStartChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && matches(text[start], chars)) start++;
  return text.slice(start);
}

/** The text without a trailing run of these characters. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && matches(text[end - 1], chars)) end--;
  return text.slice(0, end);
}

/** The text without leading and trailing runs of these characters. */
export function trimChars(text: string, chars: string): string {
  return trimStartChars(trimEndChars(text, chars), chars);
}
