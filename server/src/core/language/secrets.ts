import type { Span } from '../model/lineIndex';
import { aroundLiteral, assignmentMarks, keyEnd, matchesIn, type Window } from './candidates';

/** A credential found in the text and how to redact it. */
export interface SecretFinding {
  /** The whole credential (or `key=value`) as found. */
  span: Span;
  /** What it is, for the message: "GitHub token". */
  label: string;
  /** The part replaced by `[REDACTED]` (a recognisable prefix is kept). */
  redact: Span;
}

/** The text that replaces a secret. */
export const REDACTED = '[REDACTED]';

interface TokenPattern {
  label: string;
  pattern: RegExp;
  /** Characters of the prefix kept visible when redacting. */
  keep: number;
  /**
   * A literal every match holds `at` characters after its start; without one the pattern scans the text. Each is
   * searched for in the whole text, so it is the rarest fixed part of the match (`_`, `J`, `://` rather than `gh`,
   * `eyJ`, `hooks.slack.com/`): searching for a common letter costs a full pass of the text per pattern.
   */
  literal?: string;
  at?: number;
}

/**
 * Credentials with a recognisable shape. Every pattern is a run of bounded character classes after a literal
 * prefix, so matching is linear; look-arounds stop a match inside a longer word (base64 blobs, hashes).
 */
const TOKEN_PATTERNS: TokenPattern[] = [
  { label: 'AWS access key id', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, keep: 4 },
  { label: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,251}\b/g, keep: 4, literal: '_', at: 3 },
  { label: 'GitHub token', pattern: /\bgithub_pat_\w{22,244}/g, keep: 11, literal: '_pat_', at: 6 },
  { label: 'Slack token', pattern: /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,250}/g, keep: 5, literal: 'xox', at: 0 },
  { label: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/[\w/]{20,120}/g, keep: 33, literal: '://', at: 5 },
  { label: 'JSON Web Token', pattern: /(?<![\w-])eyJ[\w-]{10,4000}\.eyJ[\w-]{10,8000}\.[\w-]{10,1000}/g, keep: 3, literal: 'J', at: 2 },
  { label: 'Google API key', pattern: /(?<![\w-])AIza[\w-]{35}(?![\w-])/g, keep: 4, literal: 'AIza', at: 0 },
  { label: 'Stripe live key', pattern: /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{16,247}/g, keep: 8, literal: '_live_', at: 2 },
];

/** `aws_secret_access_key = …`: a 40-character secret key is only recognisable by its label. */
const AWS_SECRET = /(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key)["']?[ \t]{0,5}[:=][ \t]{0,5}["']?([A-Z0-9/+]{40})(?![A-Z0-9/+])/gi;

/**
 * `scheme://user:password@host`: group 1 is the scheme, group 2 the password. Tried at the `://`; the scheme is
 * read backwards from it by the lookbehind, longest first, as a forward scan from its leftmost start would find
 * it. Started at each letter instead, the scheme's `{1,20}` was rescanned from every `+A` of a long `A+A+…` run.
 */
const URL_CREDENTIALS = /:(?<=\b([a-z][a-z0-9+.-]{1,20}):)\/\/[^\s:/@<>"'`]{1,100}:([^\s:/@<>"'`]{1,200})@/gi;

/** `password=…`, `"api_key": "…"`, `secret: …`. Group 1 is the key; the value is group 2, 3 or 4. */
const ASSIGNMENT =
  /(?<![A-Z0-9])(password|passwd|pwd|secret|client_secret|secret_key|api_key|apikey|api-key|access_token|auth_token|token)["']?[ \t]{0,3}[:=][ \t]{0,3}(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"'`,;&)<>\]}]{1,200}))/gi;

const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,10}-----/g;

/** `data:image/png;base64,…`: long random-looking runs that are pictures, not secrets. */
const DATA_URI = /data:[a-z]{1,20}\/[a-z0-9.+-]{1,40};base64,[A-Z0-9+/=]+/gi;

const PASSWORD_KEYS = new Set(['password', 'passwd', 'pwd']);
const PLACEHOLDER_WORDS = new Set([
  'redacted', 'changeme', 'password', 'passwd', 'secret', 'example', 'null', 'none', 'nil', 'true', 'false', 'undefined',
  'hidden', 'removed', 'omitted', 'xxx', 'tbd', 'todo', 'placeholder', 'dummy', 'test', 'fake', 'sample', 'mypassword', 'pass',
]);

/** Finds credentials anywhere in `text` (code blocks and quotes included: that is where logs get pasted). */
export function findSecrets(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  const images = matchesIn(DATA_URI, text, dataUriWindows(text)).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const add = (finding: SecretFinding) => {
    const overlaps = (s: Span) => s.start < finding.span.end && finding.span.start < s.end;
    if (!images.some(overlaps) && !found.some((f) => overlaps(f.span))) found.push(finding);
  };
  for (const { label, pattern, keep, literal, at } of TOKEN_PATTERNS) {
    for (const m of literal ? matchesIn(pattern, text, aroundLiteral(text, literal, at ?? 0, at ?? 0)) : allMatches(pattern, text)) {
      if (looksFake(m[0].slice(keep))) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      add({ span, label, redact: { start: span.start + keep, end: span.end } });
    }
  }
  findPrivateKeys(text, add);
  const marks = assignmentMarks(text);
  const awsSecrets = matchesIn(AWS_SECRET, text, keyWindows(text, marks, 5, 'y', 21, 12));
  // The URL match starts at `://`: put the scheme back in front so both read as the whole match and its secret.
  const urlCredentials = matchesIn(URL_CREDENTIALS, text, urlWindows(text)).map((m) => ({ index: m.index - m[1].length, 0: m[1] + m[0], 1: m[2] }));
  for (const [matches, label] of [[awsSecrets, 'AWS secret access key'], [urlCredentials, 'password in a URL']] as const) {
    for (const m of matches) {
      const value = m[1];
      if (isPlaceholder(value) || looksFake(value) || value.length < 4) continue;
      const valueStart = m.index + m[0].lastIndexOf(value);
      add({ span: { start: m.index, end: m.index + m[0].length }, label, redact: { start: valueStart, end: valueStart + value.length } });
    }
  }
  for (const m of matchesIn(ASSIGNMENT, text, keyWindows(text, marks, 3, 'dtyn', 13, 3))) {
    const value = m[2] ?? m[3] ?? m[4];
    if (!looksLikeCredential(m[1].toLowerCase(), value)) continue;
    const valueStart = m.index + m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    add({ span: { start: m.index, end: m.index + m[0].length }, label: `value of "${m[1]}"`, redact: { start: valueStart, end: valueStart + value.length } });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Private key blocks: the body between the BEGIN and END lines is redacted, the armour lines stay. */
function findPrivateKeys(text: string, add: (finding: SecretFinding) => void): void {
  let nextEnd = -2;
  PRIVATE_KEY_BEGIN.lastIndex = 0;
  for (let m = PRIVATE_KEY_BEGIN.exec(text); m; m = PRIVATE_KEY_BEGIN.exec(text)) {
    const bodyStart = m.index + m[0].length;
    // One search per END marker, not one per BEGIN: the scan stays linear however many BEGIN lines there are.
    if (nextEnd !== -1 && nextEnd < bodyStart) nextEnd = text.indexOf('-----END', bodyStart);
    const terminated = nextEnd >= 0 && nextEnd - bodyStart <= MAX_KEY_BODY;
    let bodyEnd = terminated ? nextEnd : endOfBase64Lines(text, bodyStart);
    let start = bodyStart;
    while (start < bodyEnd && /[\s>]/.test(text[start])) start++;
    while (bodyEnd > start && /[\s>]/.test(text[bodyEnd - 1])) bodyEnd--;
    const body = text.slice(start, bodyEnd);
    if ((body.match(/[A-Z0-9+/=]/gi)?.length ?? 0) < 64 || looksFake(body)) continue;
    const close = terminated ? text.indexOf('-----', nextEnd + 8) : -1;
    const end = close >= 0 && close - nextEnd < 80 ? close + 5 : bodyEnd;
    add({ span: { start: m.index, end }, label: 'private key', redact: { start, end: bodyEnd } });
    PRIVATE_KEY_BEGIN.lastIndex = Math.max(PRIVATE_KEY_BEGIN.lastIndex, end);
  }
}

/** The largest key body read (an 8192-bit RSA key in PEM is about 6.5 KB). */
const MAX_KEY_BODY = 10000;
/** PEM lines are 64 characters; anything much longer is not one. */
const MAX_PEM_LINE = 200;

/** Where the base64 lines after an unterminated BEGIN line stop. */
function endOfBase64Lines(text: string, from: number): number {
  let at = from;
  while (at - from < MAX_KEY_BODY) {
    const next = text.indexOf('\n', at + 1);
    const lineEnd = next < 0 ? text.length : next;
    if (lineEnd - at > MAX_PEM_LINE) return at;
    const line = text.slice(at, lineEnd);
    if (line.trim() !== '' && !/^[\s>]*[A-Z0-9+/=]{16,}\s*$/i.test(line)) return at;
    if (next < 0) return text.length;
    at = next;
  }
  return at;
}

function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m);
  return found;
}

/** Where `key: value` keys of `minLength`..`maxLength` characters ending in one of `lastChars` may start. */
function* keyWindows(text: string, marks: number[], maxSpaces: number, lastChars: string, maxLength: number, minLength: number): Iterable<Window> {
  for (const mark of marks) {
    const end = keyEnd(text, mark, maxSpaces);
    if (end > 0 && lastChars.includes(text[end - 1].toLowerCase())) yield [end - maxLength, end - minLength];
  }
}

/** `scheme://user:password@`: each `://` (URL_CREDENTIALS reads the scheme before it) with an `@` close after it. */
function* urlWindows(text: string): Iterable<Window> {
  let at = text.indexOf('@');
  for (const window of aroundLiteral(text, '://', 0, 0)) {
    const mark = window[1];
    if (at >= 0 && at < mark) at = text.indexOf('@', mark);
    if (at < 0) return;
    if (at - mark <= 310) yield window;
  }
}

/** `data:` (any case): the four characters before a colon, when they spell "data" (most colons are times and labels). */
function* dataUriWindows(text: string): Iterable<Window> {
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) if (at >= 4 && spellsData(text, at - 4)) yield [at - 4, at - 4];
}

/** Whether `data` starts at `at`, in any case (`| 32` folds exactly the ASCII letters A–Z onto a–z here). */
function spellsData(text: string, at: number): boolean {
  return (text.charCodeAt(at) | 32) === 100 && (text.charCodeAt(at + 1) | 32) === 97 && (text.charCodeAt(at + 2) | 32) === 116 && (text.charCodeAt(at + 3) | 32) === 97;
}

/**
 * Placeholders and documentation examples: AWS's documented `AKIAIOSFODNN7EXAMPLE` and other `…EXAMPLE…`
 * values, runs of x or *, and bodies with too few distinct characters to be random.
 */
function looksFake(body: string): boolean {
  if (/example/i.test(body) || /x{6}|\*{3}|\.{3}|0{8}/i.test(body)) return true;
  return new Set(body).size < 6;
}

/** `<your password>`, `$TOKEN`, `${DB_PASSWORD}`, `{{ .Values.pw }}`, `****`, `[REDACTED]`, `changeme`. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v || /^[<$%{[(]/.test(v) || v.includes('{{') || v.includes('…') || /^[*x.•#_-]+$/i.test(v)) return true;
  const lower = v.toLowerCase();
  return PLACEHOLDER_WORDS.has(lower) || /your[_-]|example|placeholder|redacted|changeme/.test(lower);
}

/** Whether the value of `key` looks like a real credential rather than prose, a name or a placeholder. */
function looksLikeCredential(key: string, value: string): boolean {
  if (isPlaceholder(value) || looksFake(value) || /\s/.test(value.trim())) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^\w.-]/].filter((re) => re.test(value)).length;
  if (PASSWORD_KEYS.has(key)) return value.length >= 6 && classes >= 2;
  // Secrets and tokens are long and random; a name like "db-credentials" or "my-app-secret-v2" is neither.
  if (value.split(/[-_.]/).every((part) => /^[a-z]*\d*$/.test(part))) return false;
  return value.length >= 16 && /\d/.test(value) && /[A-Z]/i.test(value) && entropy(value) >= 3;
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}
