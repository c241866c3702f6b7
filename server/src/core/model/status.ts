import type { ActionItemCategory, ActionItemStatus } from './types';

/** Words teams use for each state, lower case, emoji and punctuation removed. */
const STATUS_WORDS: Record<ActionItemStatus, string[]> = {
  done: ['done', 'complete', 'completed', 'closed', 'fixed', 'resolved', 'finished', 'shipped', 'merged', 'implemented'],
  inProgress: ['in progress', 'in-progress', 'inprogress', 'wip', 'started', 'doing', 'in review', 'underway'],
  planned: ['planned', 'todo', 'to do', 'open', 'not started', 'backlog', 'scheduled', 'new', 'pending', 'proposed'],
  blocked: ['blocked', 'on hold', 'stalled', 'waiting'],
  wontDo: ["won't do", 'wont do', "won't fix", 'wont fix', 'cancelled', 'canceled', 'dropped', 'obsolete', 'rejected'],
};

const EMOJI_STATUS: [string, ActionItemStatus][] = [
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
  ['🔄', 'inProgress'],
  ['🚧', 'inProgress'],
  ['⏳', 'inProgress'],
  ['📅', 'planned'],
  ['🗓', 'planned'],
  ['🚫', 'blocked'],
  ['⛔', 'blocked'],
];

const LOOKUP = new Map<string, ActionItemStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS) as [ActionItemStatus, string[]][]) {
  for (const word of words) LOOKUP.set(word, status);
}

/** Canonical spelling of each status, as the template writes it. */
export const STATUS_LABELS: Record<ActionItemStatus, string> = {
  done: '✅ Done',
  inProgress: '🔄 In Progress',
  planned: '📅 Planned',
  blocked: '🚫 Blocked',
  wontDo: "Won't Do",
};

/** A status value read from a cell or an inline marker. */
export interface ReadStatus {
  status?: ActionItemStatus;
  /** For Blocked: the reason written after it. */
  reason?: string;
}

/** Reads a status cell such as `✅ Done`, `in-progress`, `Blocked (waiting on vendor)`. */
export function readStatus(value: string): ReadStatus {
  const raw = value.trim();
  if (!raw) return {};
  const emoji = EMOJI_STATUS.find(([mark]) => raw.startsWith(mark));
  const words = raw
    // A class would hold U+FE0F, a combining mark (no-misleading-character-class): the alternative is the same set.
    // eslint-disable-next-line regexp/prefer-character-class
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]|\uFE0F/gu, '')
    .replace(/[*_`]/g, '')
    .trim();
  const lower = words.toLowerCase();
  let status = LOOKUP.get(lower);
  let reason: string | undefined;
  if (!status) {
    // The words never end on a space before more white space (one fewer, tried first, left the same text after
    // them), so `\s*` reads a run of blanks once; the reason is `[\s\S]*?`, which always reaches the end, so the
    // first separator found ends the search instead of each one rescanning the rest (`\n` and `\r` never get here:
    // item text has them replaced by spaces, cells are one line).
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- linear (recheck): the reason always matches to the end
    const head = /^([a-z' -]+?(?!(?<= )\s))(?:\s*[:(\-–—]\s*([\s\S]*?)\)?)?$/.exec(lower);
    status = head ? LOOKUP.get(head[1].trim()) : undefined;
    reason = head?.[2]?.trim() || undefined;
  }
  if (!status && emoji && !words) status = emoji[1];
  if (!status && emoji) {
    status = emoji[1];
    reason = undefined;
  }
  if (!status) {
    const blocked = /^blocked\b(.*)$/.exec(lower);
    if (blocked) return { status: 'blocked', reason: trimStart(blocked[1], ' :,-').trim() || undefined };
  }
  if (status === 'blocked' && !reason) {
    const at = /blocked\b/i.exec(words);
    const rest = at ? trimStart(words.slice(at.index + at[0].length), ' :,(-') : undefined;
    reason = (rest?.endsWith(')') ? rest.slice(0, -1) : rest)?.trim() || undefined;
  }
  return { status, reason: status === 'blocked' ? reason : undefined };
}

/** Finds the canonical spelling for an unknown but near status ("Inprogress", "complete."); undefined if none. */
export function closestStatus(value: string): ActionItemStatus | undefined {
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  if (!letters) return undefined;
  for (const [word, status] of LOOKUP) if (word.replace(/[^a-z]/g, '') === letters) return status;
  for (const [word, status] of LOOKUP) {
    const target = word.replace(/[^a-z]/g, '');
    if (target.length >= 4 && editDistance(letters, target) <= 2) return status;
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

const CATEGORY_WORDS: [RegExp, ActionItemCategory][] = [
  [/\bprevent|\bfix(?:es)?\b|\btechnical\b/i, 'prevent'],
  [/\bdetect|\bmonitor|\balert/i, 'detect'],
  [/\bmitigat|\brecover|\brunbook|\brespon/i, 'mitigate'],
  [/\blearn|\bprocess\b|\bdocument|\btrain|\beducat|\bonboard/i, 'learn'],
];

/** The Prevent / Detect / Mitigate / Learn category a heading or Type cell names, if any. */
export function readCategory(text: string): ActionItemCategory | undefined {
  for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(text)) return category;
  return undefined;
}

/** A status marker found inside an item's text. */
export interface InlineStatus {
  value: string;
  index: number;
  status?: ActionItemStatus;
  reason?: string;
}

const STATUS_EMOJI = /[✅🔄🚧⏳🚫⛔📅]|✔\uFE0F?|☑\uFE0F?|🗓\uFE0F?/u;
const STATUS_LABEL = /\bstatus\s*[:=]\s*([^,;()[\]]{1,30})/i;
/** `(done`, `[WIP`: the opening of a bracketed status; `bracketedStatus` looks for its closing bracket. */
const BRACKET_OPEN = /[([]\s*(done|complete|completed|fixed|in[ -]?progress|wip|planned|todo|blocked|on hold|won'?t (?:do|fix)|cancell?ed|dropped)\b/gi;
/** The most characters between the status word and the closing bracket. */
const BRACKET_REASON_MAX = 120;
/** Upper case only: "DONE" is a marker, "done" is usually a word in a sentence. */
const SHOUTED = /\b(DONE|COMPLETED|WIP|BLOCKED|WONTFIX|WON'T DO)\b/;
const REASON_AFTER = /^\s*(?:\(([^)]{1,120})\)|[:–—-]\s*(\S.{0,120})|((?:on|by|until|because|pending|waiting)\b.{1,120}))/i;
const LEADING_WORDS = /^\s*([A-Z][A-Z' -]{0,20})/i;

/** The longest known status phrase at the start of `words` ("In Progress", "Done"). */
function statusPhraseAt(words: string): string | undefined {
  const m = LEADING_WORDS.exec(words);
  if (!m) return undefined;
  const parts = m[1].trim().split(/\s+/);
  for (let n = Math.min(parts.length, 3); n > 0; n--) {
    const phrase = parts.slice(0, n).join(' ');
    if (LOOKUP.has(phrase.toLowerCase())) return phrase;
  }
  return undefined;
}

/** The reason written after a Blocked marker; at the start of an item only a bracketed or "on …" reason counts. */
function reasonAfter(text: string, end: number, atStart: boolean): string | undefined {
  const m = REASON_AFTER.exec(text.slice(end));
  if (!m) return undefined;
  if (atStart && m[2] !== undefined) return undefined;
  return (m[1] ?? m[2] ?? m[3])?.trim() || undefined;
}

/** Finds a status marker in an item's text: `status: x`, ✅ / 🔄 / 📅 / 🚫, `(done)`, `[WIP]`, `DONE`. */
export function readInlineStatus(text: string): InlineStatus | undefined {
  const label = text.indexOf(':') >= 0 || text.indexOf('=') >= 0 ? STATUS_LABEL.exec(text) : null;
  if (label) {
    const value = label[1].trim();
    const read = readStatus(value);
    return { value, index: label.index + label[0].indexOf(value), status: read.status, reason: read.reason };
  }
  const emoji = STATUS_EMOJI.exec(text);
  // 📅 followed by a date is a due date (the Obsidian Tasks convention), not the Planned status.
  if (emoji && !(/^📅|^🗓/u.test(emoji[0]) && /^\s*\d{4}/.test(text.slice(emoji.index + emoji[0].length)))) {
    const after = emoji.index + emoji[0].length;
    const phrase = statusPhraseAt(text.slice(after));
    const gap = phrase ? text.slice(after).indexOf(phrase) : 0;
    const value = phrase ? text.slice(emoji.index, after + gap + phrase.length) : emoji[0];
    const status = phrase ? LOOKUP.get(phrase.toLowerCase()) : EMOJI_STATUS.find(([mark]) => emoji[0].startsWith(mark))?.[1];
    const atStart = !text.slice(0, emoji.index).trim();
    const reason = status === 'blocked' ? reasonAfter(text, emoji.index + value.length, atStart) : undefined;
    return { value, index: emoji.index, status, reason };
  }
  const bracketed = bracketedStatus(text);
  if (bracketed) {
    const read = readStatus(bracketed.word);
    const rest = bracketed.rest.replace(/^[\s:,–—-]+/, '').trim();
    return { value: bracketed.value, index: bracketed.index, status: read.status, reason: read.status === 'blocked' ? rest || undefined : undefined };
  }
  const shouted = SHOUTED.exec(text);
  if (shouted) {
    const status = readStatus(shouted[1]).status;
    const atStart = !text.slice(0, shouted.index).replace(/[*_]/g, '').trim();
    const reason = status === 'blocked' ? reasonAfter(text, shouted.index + shouted[0].length, atStart) : undefined;
    return { value: shouted[0], index: shouted.index, status, reason };
  }
  return undefined;
}

/**
 * The first `(done)`, `[WIP: waiting on infra]`: a status word after `(` or `[`, closed by `)` or `]` within 120
 * characters. This is what `/[([]\s*(…)\b([^)\]]{0,120})[)\]]/i` matched; as one regex it rescanned up to 120
 * characters from every opening of a long `(WIP x(WIP x…` run (polynomial).
 */
function bracketedStatus(text: string): { index: number; value: string; word: string; rest: string } | undefined {
  if (text.indexOf('(') < 0 && text.indexOf('[') < 0) return undefined;
  BRACKET_OPEN.lastIndex = 0;
  for (let m = BRACKET_OPEN.exec(text); m; m = BRACKET_OPEN.exec(text)) {
    const from = m.index + m[0].length;
    const limit = Math.min(text.length, from + BRACKET_REASON_MAX + 1);
    for (let close = from; close < limit; close++) {
      if (text[close] === ')' || text[close] === ']') return { index: m.index, value: text.slice(m.index, close + 1), word: m[1], rest: text.slice(from, close) };
    }
    BRACKET_OPEN.lastIndex = m.index + 1;
  }
  return undefined;
}

/** Status a group heading or label gives all its items: "Immediate Actions (Completed)", "**In progress (next 2 weeks):**". */
export function readGroupStatus(label: string): ActionItemStatus | undefined {
  const text = label.replace(/[*_`]/g, '').trim();
  // A `(` after an unclosed one would end at the same `)`: skipping it keeps the scan linear on `((((…`.
  const paren = /\((?<!\([^)]*?\()([^)]*)\)/.exec(text);
  if (paren) {
    const inParen = LOOKUP.get(paren[1].trim().toLowerCase());
    if (inParen) return inParen;
  }
  // The words end at their last non-space character (what the lazy `[A-Z' -]*?` found); greedy, the spaces after
  // them are read once by `\s*`.
  const head = /^([A-Z](?:[A-Z' -]*[A-Z'-])?)\s*(?:[(:]|$)/i.exec(text);
  return head ? LOOKUP.get(head[1].toLowerCase()) : undefined;
}

/** Words that suggest what an item does, for items that no heading or column categorises. Detect first: "alert" is specific. */
const CATEGORY_HINTS: [RegExp, ActionItemCategory][] = [
  [/\b(?:alert|alarm|monitor|dashboard|pag(?:e|ing) (?:the )?on-?call|detect|observab|metrics?\b|logging|synthetic|health ?checks?|notif|smoke tests?)/i, 'detect'],
  [/\b(?:runbook|playbook|roll ?back|failover|circuit breaker|backups?\b|restore|recover|degrad|kill switch|break[- ]glass)/i, 'mitigate'],
  [/\b(?:tests?\b|testing|validat|pin\b|lint|guard|limit|quota|prevent|block|restrict|requir|enforce|automat|ci\b|review|upgrade|fix|migrat|remov|isolat|separat|cap\b|rotate|revoke|disable|replace|harden)/i, 'prevent'],
  [/\b(?:document|train|workshop|onboard|incident report|retrospective|guide|share|teach|learn|wiki)/i, 'learn'],
];

/** Guesses an item's category from its words; undefined when nothing suggests one. */
export function inferCategory(text: string): ActionItemCategory | undefined {
  for (const [pattern, category] of CATEGORY_HINTS) if (pattern.test(text)) return category;
  return undefined;
}

/** The text without leading whitespace and the given characters: a loop, where `^[\s…]*(.*)` would backtrack. */
function trimStart(text: string, chars: string): string {
  let i = 0;
  while (i < text.length && (chars.includes(text[i]) || /\s/.test(text[i]))) i++;
  return text.slice(i);
}
