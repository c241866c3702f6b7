/** The default severity scale, most severe first. */
export const DEFAULT_SEVERITY_SCALE = ['P0', 'P1', 'P2', 'P3'];

const WORD_RANK: Record<string, number> = { critical: 0, high: 1, major: 1, medium: 2, moderate: 2, low: 3, minor: 3 };

/** Reads `P0`, `Critical (P0)`, `SEV-1`, `High` onto the scale; undefined when it names no level. */
export function readSeverity(raw: string, scale: string[]): { level: string; rank: number } | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  const exact = scale.findIndex((level) => level.toLowerCase() === text.toLowerCase());
  if (exact >= 0) return { level: scale[exact], rank: exact };
  for (let rank = 0; rank < scale.length; rank++) {
    const level = scale[rank];
    if (levelPattern(level).test(text)) return { level, rank };
  }
  const sev = /\bsev(?:erity)?[\s-]?(\d)\b/i.exec(text);
  if (sev) {
    const rank = Math.max(0, Number(sev[1]) - 1);
    if (rank < scale.length) return { level: scale[rank], rank };
  }
  const word = /^[a-z]+/i.exec(text)?.[0].toLowerCase();
  if (word && word in WORD_RANK) {
    const rank = Math.min(WORD_RANK[word], scale.length - 1);
    return { level: scale[rank], rank };
  }
  return undefined;
}

/** A level written as a word of its own, compiled once per level: every document with a severity asks. */
const levelPatterns = new Map<string, RegExp>();

function levelPattern(level: string): RegExp {
  let pattern = levelPatterns.get(level);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^A-Za-z0-9])${escapeRegExp(level)}(?![A-Za-z0-9])`, 'i');
    // The levels come from the configuration: a handful, unless scales keep changing in a long session.
    if (levelPatterns.size >= 256) levelPatterns.clear();
    levelPatterns.set(level, pattern);
  }
  return pattern;
}

/** Escapes a plain string for use inside a regular expression (config words are never patterns). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
