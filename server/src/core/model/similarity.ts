/** Root-cause comparison for spotting repeat incidents: normalised terms and a set similarity. */

/** Words that carry no cause: grammar, and the words every root cause is phrased with. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without',
  'into', 'onto', 'over', 'under', 'after', 'before', 'during', 'as', 'than', 'then', 'so', 'because', 'due',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no',
  'it', 'its', 'this', 'that', 'these', 'those', 'there', 'their', 'they', 'them', 'we', 'our', 'us', 'which',
  'who', 'what', 'when', 'where', 'while', 'how', 'why', 'all', 'any', 'some', 'one', 'also', 'very', 'too',
  'can', 'could', 'would', 'should', 'will', 'may', 'might', 'up', 'out', 'down', 'off', 'about',
  'root', 'cause', 'caused', 'causes', 'causing', 'incident', 'issue', 'problem', 'led', 'lead', 'leading',
  'result', 'resulted', 'resulting',
]);

/** Suffixes folded away so that "rotated", "rotation" and "rotate" compare equal; longest first. */
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'e', 's', 'y'];

/** Root causes are one or two sentences; a long paragraph is cut so one comparison stays cheap. */
const MAX_TERMS = 60;

/** Folds a word to a crude stem; short words are kept whole. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      // "ss" endings (access, process) keep their s.
      if (suffix === 's' && word.endsWith('ss')) return word;
      const base = word.slice(0, -suffix.length);
      // "rotate"/"rotated" leave "rotat" where "rotation" leaves "rot": fold the verb forms onto the noun's.
      return base.length >= 5 && base.endsWith('at') ? base.slice(0, -2) : base;
    }
  }
  return word;
}

/** The distinct content terms of a text, stemmed, in first-seen order (markup, numbers and stop words dropped). */
export function normalizeTerms(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/\[([^\][]*)\]\([^)[]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u);
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    const term = stem(word);
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/**
 * How alike two term lists are, 0..1: shared terms over the geometric mean of the sizes (cosine of the
 * sets). Unlike Jaccard it does not punish a short cause ("Disk full") against a longer wording of it.
 */
export function termSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const small = a.length <= b.length ? a : b;
  const large = new Set(a.length <= b.length ? b : a);
  let shared = 0;
  for (const term of small) if (large.has(term)) shared++;
  // One shared word is coincidence ("disk full" and "disk quota", "bad deploy" and "bad config"), unless the
  // shorter cause is a single word such as "OOM".
  if (shared < 2 && small.length > 1) return 0;
  return shared / Math.sqrt(a.length * b.length);
}

/** Similarity of two root-cause texts, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return termSimilarity(normalizeTerms(a), normalizeTerms(b));
}
