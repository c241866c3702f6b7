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
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored, run on one short line; polynomial only, listed in test/unit/redos-baseline.json
    const head = /^([a-z' -]+?)(?:\s*[:(\-–—]\s*(.*?)\)?)?$/.exec(lower);
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
const BRACKETED = /[([]\s*(done|complete|completed|fixed|in[ -]?progress|wip|planned|todo|blocked|on hold|won'?t (?:do|fix)|cancell?ed|dropped)\b([^)\]]{0,120})[)\]]/i;
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
  const label = STATUS_LABEL.exec(text);
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
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const read = readStatus(bracketed[1]);
    const rest = bracketed[2].replace(/^[\s:,–—-]+/, '').trim();
    return { value: bracketed[0], index: bracketed.index, status: read.status, reason: read.status === 'blocked' ? rest || undefined : undefined };
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

/** Status a group heading or label gives all its items: "Immediate Actions (Completed)", "**In progress (next 2 weeks):**". */
export function readGroupStatus(label: string): ActionItemStatus | undefined {
  const text = label.replace(/[*_`]/g, '').trim();
  const paren = /\(([^)]*)\)/.exec(text);
  if (paren) {
    const inParen = LOOKUP.get(paren[1].trim().toLowerCase());
    if (inParen) return inParen;
  }
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored, run on one short line; polynomial only, listed in test/unit/redos-baseline.json
  const head = /^([A-Z][A-Z' -]*?)\s*(?:[(:]|$)/i.exec(text);
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
