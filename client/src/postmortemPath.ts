/** Where "New Postmortem" creates its file. Pure, so that the path rules are unit-tested. */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Windows device names that cannot be file names anywhere a repository may be checked out. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** The default pattern: `postmortems/2025/12-december/2025-12-15-disk-full.md`. */
export const DEFAULT_PATH_PATTERN = 'postmortems/${year}/${month}-${monthName}/${date}-${slug}.md';

/** A title made safe as one path segment: lower case letters, digits and dashes, never empty, never reserved. */
export function slugify(title: string): string {
  const dashed = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  // Loops, not /^-+|-+$/: that regex is quadratic on a long run of dashes (a title full of punctuation).
  const slug = trimDashes(trimDashes(dashed).slice(0, 60));
  if (!slug) return 'incident';
  return RESERVED.test(slug) ? `${slug}-incident` : slug;
}

/** The text without leading and trailing dashes. */
function trimDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '-') start++;
  while (end > start && text[end - 1] === '-') end--;
  return text.slice(start, end);
}

/** Why a pattern or its result cannot be used, or undefined when it is fine. */
export type PathProblem = string | undefined;

/**
 * The workspace-relative path for a new postmortem. The pattern comes from settings; the title from the
 * user. Only the pattern may create folders, and the result must stay inside the workspace folder.
 */
export function postmortemPath(pattern: string, title: string, isoDate: string): { path?: string; problem?: PathProblem } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return { problem: `"${isoDate}" is not a date written YYYY-MM-DD.` };
  const [, year, month, day] = match;
  const values: Record<string, string> = {
    year,
    month,
    day,
    monthName: MONTHS[Number(month) - 1] ?? month,
    date: isoDate,
    slug: slugify(title),
  };
  const path = pattern.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const problem = checkPath(path);
  return problem ? { problem } : { path };
}

function checkPath(path: string): PathProblem {
  if (path.includes('\0')) return 'The path contains a NUL character.';
  if (/\$\{\w+\}/.test(path)) return `The pattern uses an unknown variable: ${/\$\{\w+\}/.exec(path)![0]}.`;
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Z]:/i.test(path)) return 'The path must be relative to the workspace folder.';
  const segments = path.split(/[\\/]/);
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return 'The path must stay inside the workspace folder (no "..", "." or empty segments).';
  if (segments.some((s) => RESERVED.test(s.replace(/\.[^.]*$/, '')))) return 'The path contains a name reserved on Windows.';
  if (!/\.(?:md|markdown)$/i.test(path)) return 'The path must end in .md.';
  return undefined;
}
