import type { Span } from '../model/lineIndex';
import type { PostmortemDocument } from '../model/types';
import { fullNameAt, isHandle } from './people';
import { analyseProse } from './sentences';
import { spacesOnly } from './rewrite';

/** What a public postmortem should not reveal. */
export type ExposureKind = 'name' | 'handle' | 'email' | 'host' | 'ip' | 'link';

/** Something internal or personal found in the prose of a public postmortem. */
export interface Exposure {
  span: Span;
  kind: ExposureKind;
  text: string;
  /** For links: which tool. */
  what?: string;
}

const INTERNAL_SUFFIXES = ['.internal', '.local', '.corp', '.lan', '.intranet', '.localdomain', '.intra', '.home.arpa'];
const ENVIRONMENTS = new Set(['prod', 'production', 'prd', 'stg', 'stage', 'staging', 'dev', 'qa', 'uat', 'preprod', 'live']);
/** Labels that mark a whole domain as internal: grafana.internal.acme.com, wiki.corp.acme.com. */
const INTERNAL_LABELS = new Set(['internal', 'intranet', 'corp', 'private', 'lan']);
/** Mailboxes of a team or service, not of a person. */
const ROLE_MAILBOXES = new Set(
  'help support security info ops noc admin contact abuse postmaster team hello press incidents sre oncall status noreply no-reply'.split(' '),
);
/** Tools whose name starts the host: what a link to them is called. */
const TOOLS: [prefix: string, what: string][] = [
  ['grafana.', 'Grafana dashboard'], ['kibana.', 'Kibana'], ['jenkins.', 'Jenkins'], ['wiki.', 'wiki'], ['confluence.', 'Confluence'], ['jira.', 'Jira'],
];

const HOST_CHARS = /[A-Z0-9.-]/i;
const MAILBOX_CHARS = /[\w.%+-]/;
const URL = /\bhttps?:\/\/[^\s<>()[\]|`"']+/g;

/** Finds names, handles, internal hosts, private addresses and internal links in the document's prose. */
export function findExposures(doc: PostmortemDocument): Exposure[] {
  const found: Exposure[] = [];
  const { prose } = doc;
  const { sentences, tokens } = analyseProse(prose);
  const gapOk = (a: number, b: number) => spacesOnly(prose, tokens[a].end, tokens[b].start);
  for (const { from, to } of sentences) {
    for (let k = from; k < to; k++) {
      const token = tokens[k];
      const code = token.text.charCodeAt(0);
      // "@scope/package" is an npm package, not a person.
      if (code === 64 /* @ */ && isHandle(token.text) && prose[token.end] !== '/') {
        found.push({ span: { start: token.start, end: token.end }, kind: 'handle', text: token.text });
        continue;
      }
      if (code < 65 || code > 90) continue;
      const size = fullNameAt(tokens, k, to, gapOk);
      if (size) {
        const span = { start: token.start, end: tokens[k + size - 1].end };
        found.push({ span, kind: 'name', text: prose.slice(span.start, span.end) });
        k += size - 1;
      }
    }
  }
  // Words are found from their dots, hyphens and @ signs: far fewer than the words of the text.
  for (let at = prose.indexOf('@'); at >= 0; at = prose.indexOf('@', at + 1)) {
    const start = extend(prose, at, -1, MAILBOX_CHARS, 64);
    const end = extend(prose, at + 1, 1, HOST_CHARS, 253);
    const address = trimEnd(prose.slice(start, end), '.-');
    if (start === at || !address.slice(address.indexOf('@')).includes('.')) continue;
    if (ROLE_MAILBOXES.has(address.slice(0, address.indexOf('@')).toLowerCase())) continue;
    found.push({ span: { start, end: start + address.length }, kind: 'email', text: address });
  }
  for (let at = nextHostMark(prose, 0); at >= 0; ) {
    const start = extend(prose, at, -1, HOST_CHARS, 253);
    const end = extend(prose, at, 1, HOST_CHARS, 253);
    const word = trimEnd(prose.slice(start, end), '.-');
    const kind = prose[start - 1] === '@' ? undefined : hostKind(word);
    if (kind) found.push({ span: { start, end: start + word.length }, kind, text: word });
    at = nextHostMark(prose, Math.max(end, at + 1));
  }
  for (const url of urlsInProse(doc)) {
    const exposure = linkExposure(url.text);
    if (exposure) found.push({ span: url.span, ...exposure, text: url.text });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  // An e-mail address contains a host-like word and maybe a name: report it once.
  return found.filter((f, i) => i === 0 || f.span.start >= found[i - 1].span.end);
}

/** Whether a word is a private IP address or an internal host name. */
export function hostKind(word: string): 'ip' | 'host' | undefined {
  const lower = word.toLowerCase();
  const ip = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(lower);
  if (ip) {
    const [a, b] = [Number(ip[1]), Number(ip[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ? 'ip' : undefined;
  }
  if (INTERNAL_SUFFIXES.some((suffix) => lower.endsWith(suffix) && lower.length > suffix.length)) return 'host';
  // db-prod-03, web-staging-1: a role, an environment and a number.
  const parts = lower.split('.')[0].split('-');
  if (parts.length >= 3 && /^\d{1,3}$/.test(parts[parts.length - 1]) && parts.some((p) => ENVIRONMENTS.has(p)) && /^[a-z]/.test(parts[0])) return 'host';
  return undefined;
}

function linkExposure(url: string): { kind: ExposureKind; what?: string } | undefined {
  const rest = url.slice(url.indexOf('://') + 3);
  const cut = rest.search(/[/?#]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '').toLowerCase();
  const path = cut < 0 ? '' : rest.slice(cut);
  if ((host === 'slack.com' || host.endsWith('.slack.com')) && path.startsWith('/archives')) return { kind: 'link', what: 'Slack conversation' };
  if (host.endsWith('.atlassian.net')) return { kind: 'link', what: 'Atlassian (Jira or Confluence) page' };
  // A dashboard or wiki is internal when its host is (grafana.mybinder.org is public on purpose).
  const kind = hostKind(host) ?? (host.split('.').some((label) => INTERNAL_LABELS.has(label)) ? 'host' : undefined);
  if (!kind) return undefined;
  const tool = TOOLS.find(([prefix]) => host.startsWith(prefix));
  return { kind: 'link', what: tool ? tool[1] : kind === 'ip' ? 'private address' : 'host' };
}

/**
 * URLs written in prose. The prose blanks URLs together with code and quotes, so each URL of the text is kept
 * when its line has other prose, or nothing but links (a link alone on a line), and it is not in inline code.
 */
export function urlsInProse(doc: PostmortemDocument): { span: Span; text: string }[] {
  const urls: { span: Span; text: string }[] = [];
  const { lines, text, prose } = doc;
  const skipUntil = doc.frontMatter?.span.end ?? 0;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    if (start < skipUntil) continue;
    const lineText = text.slice(start, lines.lineEnds[line]);
    if (!lineText.includes('://')) continue;
    const hasProse = prose.slice(start, lines.lineEnds[line]).trim() !== '';
    URL.lastIndex = 0;
    const matches = [...lineText.matchAll(URL)];
    // A line that is all masked but has more than links (`<…>` autolinks included) is code, a quote or HTML.
    if (!hasProse && lineText.replace(URL, '').replace(/<>/g, '').trim() !== '') continue;
    for (const m of matches) {
      const index = m.index ?? 0;
      if ((lineText.slice(0, index).split('`').length - 1) % 2 === 1) continue;
      const url = trimEnd(m[0], '.,;:!?');
      urls.push({ span: { start: start + index, end: start + index + url.length }, text: url });
    }
  }
  return urls;
}

/** `text` without trailing characters from `chars` (a loop: a regex like /[.-]+$/ is quadratic on long runs). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The next `.` or `-` at or after `from`, or -1. */
function nextHostMark(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 45) return i;
  }
  return -1;
}

/** How far characters matching `chars` run from `at` in direction `step` (at most `max` of them). */
function extend(text: string, at: number, step: 1 | -1, chars: RegExp, max: number): number {
  let i = at;
  if (step < 0) {
    while (i > 0 && at - i < max && chars.test(text[i - 1])) i--;
  } else {
    while (i < text.length && i - at < max && chars.test(text[i])) i++;
  }
  return i;
}
