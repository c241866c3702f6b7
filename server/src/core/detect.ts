import picomatch from 'picomatch/posix';

/** Globs that name postmortems when the configuration gives none. */
export const DEFAULT_INCLUDE = [
  '**/postmortems/**/*.md',
  '**/post-mortems/**/*.md',
  '**/incidents/**/*.md',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
];

/** Files that sit beside postmortems but are never one by their name alone. */
const NEVER_BY_NAME = /^(?:readme|changelog|contributing|license|licence|code_of_conduct|security|index|_index|template|.*-template|template-.*)\.md$/i;

const FIRST_HEADING = /^#{1,6}[ \t]+\[?(?:postmortem|post-mortem|post mortem|incident review|incident report|retrospective)(?![\w-])/im;
const FRONT_MATTER_KEY = /^(?:incident_id|severity)[ \t]*:/m;

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let match = matcherCache.get(key);
  if (!match) {
    match = globs.length ? picomatch([...globs], { dot: false, nocase: true }) : () => false;
    matcherCache.set(key, match);
  }
  return match;
}

/** Whether a workspace-relative path (forward slashes) is matched by any of the globs. */
export function matchesGlobs(relativePath: string, globs: readonly string[]): boolean {
  return matcher(globs)(relativePath.replace(/^\.\//, ''));
}

/**
 * Whether a document's content says it is a postmortem: front matter with `incident_id` or `severity`, or a
 * first heading that starts with Postmortem / Post-mortem / Incident Review / Incident Report / Retrospective.
 */
export function looksLikePostmortem(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/^\uFEFF?---\r?\n/.test(head)) {
    const end = head.search(/\r?\n---[ \t]*(?:\r?\n|$)/);
    if (end > 0 && FRONT_MATTER_KEY.test(head.slice(0, end))) return true;
  }
  const firstHeading = /^#{1,6}[ \t].*$/m.exec(head);
  return firstHeading !== null && FIRST_HEADING.test(firstHeading[0]);
}

/** Where postmortems are: the `include` and `exclude` globs of the configuration. */
export interface Detection {
  include?: readonly string[];
  exclude?: readonly string[];
}

/**
 * Whether a file is a postmortem: by path (include globs, never a README or template by name alone) or by
 * content. Excluded paths never are.
 */
export function isPostmortem(relativePath: string, text: string | undefined, detection: Detection = {}): boolean {
  const path = relativePath.replace(/\\/g, '/');
  if (!/\.(?:md|markdown)$/i.test(path)) return false;
  if (detection.exclude?.length && matchesGlobs(path, detection.exclude)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!NEVER_BY_NAME.test(name) && matchesGlobs(path, detection.include ?? DEFAULT_INCLUDE)) return true;
  return text !== undefined && looksLikePostmortem(text);
}
