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
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]|\uFE0F/gu, '')
    .replace(/[*_`]/g, '')
    .trim();
  const lower = words.toLowerCase();
  let status = LOOKUP.get(lower);
  let reason: string | undefined;
  if (!status) {
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
    const blocked = /^blocked\b[\s:,-]*(.*)$/.exec(lower);
    if (blocked) return { status: 'blocked', reason: blocked[1].trim() || undefined };
  }
  if (status === 'blocked' && !reason) {
    const after = /blocked\b[\s:,(-]*(.*?)\)?$/i.exec(words);
    reason = after?.[1]?.trim() || undefined;
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
  [/\bprevent|\bprevention\b|\bfix(?:es)?\b|\btechnical\b/i, 'prevent'],
  [/\bdetect|\bdetection\b|\bmonitor|\balert/i, 'detect'],
  [/\bmitigat|\brecover|\brunbook|\brespon/i, 'mitigate'],
  [/\blearn|\bprocess\b|\bdocument|\btrain|\beducat|\bonboard/i, 'learn'],
];

/** The Prevent / Detect / Mitigate / Learn category a heading or Type cell names, if any. */
export function readCategory(text: string): ActionItemCategory | undefined {
  for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(text)) return category;
  return undefined;
}
