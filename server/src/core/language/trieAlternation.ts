/**
 * Builds the source of a regex alternation from many literal alternatives, factored by common prefixes:
 * `care(?:less(?:ly|ness)?|fully)` rather than `carelessly|carelessness|careless|carefully`. A flat
 * alternation of fifty phrases makes the engine try all fifty at every position of a long text; the factored
 * one tries the first letter once. Branches start with distinct atoms, so at most one can match at a
 * position, and the optional tails are greedy: the longest alternative that matches wins, as in a flat
 * alternation sorted longest first.
 */

/** One unit of an alternative: an escaped character, or a fragment such as `\s+` standing for a gap. */
export type Atom = string;

interface TrieNode {
  children: Map<Atom, TrieNode>;
  /** An alternative ends here. */
  end: boolean;
}

/**
 * The alternation (without a surrounding group) of the alternatives, each a list of atoms. Atoms must be
 * complete regex fragments that never match the same text as a sibling atom (escaped characters and gap
 * fragments are); for a case-insensitive regex, lower-case the characters first so `A` and `a` share a branch.
 */
export function trieAlternation(alternatives: readonly (readonly Atom[])[]): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const atoms of alternatives) {
    if (atoms.length === 0) continue;
    let node = root;
    for (const atom of atoms) {
      let next = node.children.get(atom);
      if (!next) node.children.set(atom, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  return branches(root);
}

/** The alternation of a node's children (what may follow the text so far). */
function branches(node: TrieNode): string {
  const parts: string[] = [];
  // Sorted so the same phrases always give the same regex.
  for (const [atom, child] of [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    parts.push(atom + tail(child));
  }
  return parts.join('|');
}

/** What follows a node: nothing, a single chain, or a group that is optional when an alternative ends here. */
function tail(node: TrieNode): string {
  if (node.children.size === 0) return '';
  const rest = branches(node);
  const single = node.children.size === 1;
  if (!node.end) return single ? rest : `(?:${rest})`;
  return `(?:${rest})?`;
}

/** The atoms of a plain phrase: each character escaped and lower-cased, any run of spaces a `\s+` gap. */
export function phraseAtoms(phrase: string, escape: (text: string) => string, gap = '\\s+'): Atom[] {
  const atoms: Atom[] = [];
  for (const word of phrase.trim().toLowerCase().split(/\s+/)) {
    if (atoms.length) atoms.push(gap);
    for (const char of word) atoms.push(escape(char));
  }
  return atoms;
}
