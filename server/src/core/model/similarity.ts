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
/** The suffixes' last letters. */
const SUFFIX_ENDINGS = SUFFIXES.map((suffix) => suffix[suffix.length - 1]).join('');

/** Root causes are one or two sentences; a long paragraph is cut so one comparison stays cheap. */
const MAX_TERMS = 60;

/** Folds a word to a crude stem; short words are kept whole. */
export function stem(word: string): string {
  // Most words end in none of the suffixes' last letters: no need to try each suffix.
  if (!SUFFIX_ENDINGS.includes(word.charAt(word.length - 1))) return word;
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

/** A markdown link, kept as its text. */
const LINK = /\[([^\][]*)\]\([^)[]*\)/g;
const URL = /https?:\/\/\S+/g;
const APOSTROPHES = /[’']/g;

/** The distinct content terms of a text, stemmed, in first-seen order (markup, numbers and stop words dropped). */
export function normalizeTerms(text: string): string[] {
  let clean = text.toLowerCase();
  // Each rewrite only when the text holds what it needs: most causes have no link, URL or apostrophe.
  if (clean.includes('](')) clean = clean.replace(LINK, '$1');
  if (clean.includes('http')) clean = clean.replace(URL, ' ');
  if (clean.includes("'") || clean.includes('’')) clean = clean.replace(APOSTROPHES, '');
  const words = clean.split(/[^\p{L}\p{N}]+/u);
  // At most MAX_TERMS terms: looking one up in the list is cheaper than hashing it into a set.
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word) || isNumber(word)) continue;
    const term = stem(word);
    if (terms.includes(term)) continue;
    terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/** Whether a word is all ASCII digits (a regex per word cost more than the rest of the loop). */
function isNumber(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * The terms of a text held by an object (an incident summary, a metrics input), worked out the first time
 * they are asked for and kept while the object lives. Most incidents of a workspace are never compared
 * (PM051 compares only those dated within its window), so the index does not work them out for every file.
 */
export function termsOnDemand<T extends object>(textOf: (owner: T) => string | undefined): (owner: T) => string[] {
  const cache = new WeakMap<T, string[]>();
  return (owner) => {
    let terms = cache.get(owner);
    if (terms === undefined) {
      const text = textOf(owner);
      cache.set(owner, (terms = text ? normalizeTerms(text) : []));
    }
    return terms;
  };
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
