import { parseDuration, parseIsoDate } from './dates';

/** What a front-matter value must be. */
type ValueType = 'id' | 'text' | 'date' | 'dateTime' | 'severity' | 'duration' | 'list' | 'textOrList' | 'amount' | 'boolean';

/** Postmortem front-matter keys and their types. */
export const FRONT_MATTER_KEYS: Record<string, ValueType> = {
  incident_id: 'id',
  title: 'text',
  date: 'date',
  severity: 'severity',
  duration: 'duration',
  status: 'text',
  published: 'date',
  root_cause: 'text',
  tags: 'list',
  affected_services: 'list',
  financial_impact: 'amount',
  repeat_of: 'textOrList',
  visibility: 'text',
  authors: 'textOrList',
  owner: 'text',
  start: 'dateTime',
  end: 'dateTime',
  detected: 'dateTime',
  resolved: 'dateTime',
  summary: 'text',
  description: 'text',
  impact: 'text',
  reviewers: 'textOrList',
  participants: 'textOrList',
  customer_facing: 'boolean',
};

/** Keys every postmortem's front matter needs. */
export const REQUIRED_FRONT_MATTER_KEYS = ['incident_id', 'date', 'severity'];

/** Keys that only incident metadata has: front matter with none of them belongs to a site generator. */
const INCIDENT_KEYS = ['incident_id', 'severity', 'duration', 'root_cause', 'affected_services', 'repeat_of', 'financial_impact'];

/** Whether the front matter is incident metadata rather than a static site's (`title`, `weight`, `cover`). */
export function isIncidentMetadata(keys: string[]): boolean {
  return keys.some((key) => INCIDENT_KEYS.includes(key));
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CLOCK = /^(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?(?:UTC|Z))?$/i;

/** Why a value does not fit its key, or undefined when it does. */
export function frontMatterTypeProblem(key: string, value: unknown, scale: string[]): string | undefined {
  const type = FRONT_MATTER_KEYS[key];
  if (!type || value === undefined) return undefined;
  if (value === null) return `\`${key}\` has no value.`;
  switch (type) {
    case 'id':
      return isScalar(value) && String(value).trim() ? undefined : `\`${key}\` must be a single value such as INC-2025-12-15.`;
    case 'text':
      return isScalar(value) ? undefined : `\`${key}\` must be text, not a list or a mapping.`;
    case 'date':
      return typeof value === 'string' && ISO_DATE_TIME.test(value.trim()) && parseIsoDate(value.trim().slice(0, 10))
        ? undefined
        : `\`${key}\` must be a real date written YYYY-MM-DD, e.g. 2025-12-15.`;
    case 'dateTime': {
      const text = String(value).trim();
      const ok = typeof value === 'string' && (CLOCK.test(text) || (ISO_DATE_TIME.test(text) && parseIsoDate(text.slice(0, 10)) !== undefined));
      return ok ? undefined : `\`${key}\` must be an ISO date and time (2025-12-15T22:47Z) or a time (22:47).`;
    }
    case 'severity':
      return isScalar(value) && scale.includes(String(value)) ? undefined : `\`severity\` must be one of ${scale.join(', ')}.`;
    case 'duration':
      return typeof value === 'string' && parseDuration(value) !== undefined
        ? undefined
        : '`duration` must be a duration with units, e.g. "4h 28min" or "90 minutes".';
    case 'list':
      return isList(value) ? undefined : `\`${key}\` must be a list, e.g. [database, api].`;
    case 'textOrList':
      return isScalar(value) || isList(value) ? undefined : `\`${key}\` must be text or a list of text.`;
    case 'amount':
      return typeof value === 'number' || typeof value === 'string' ? undefined : `\`${key}\` must be a number or an amount such as "$87,000".`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `\`${key}\` must be true or false.`;
  }
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => isScalar(v));
}

/** A known key one or two edits away from an unknown one (`severty` → `severity`). */
export function closestKnownKey(key: string): string | undefined {
  const lower = key.toLowerCase().replace(/-/g, '_');
  if (lower in FRONT_MATTER_KEYS) return lower;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of Object.keys(FRONT_MATTER_KEYS)) {
    const distance = editDistance(lower, known, bestDistance);
    if (distance < bestDistance && known.length > 3) [best, bestDistance] = [known, distance];
  }
  return bestDistance <= 2 ? best : undefined;
}

/** Levenshtein distance, giving up (returning `limit`) once it is clear the words are far apart. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}
