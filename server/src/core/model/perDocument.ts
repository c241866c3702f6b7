import type { PostmortemDocument } from './types';

/**
 * Wraps an analysis of a whole document so it runs once per parsed document, however many rules ask for it.
 * The result is kept in a WeakMap, so it goes when the document does; callers must not mutate it.
 */
export function perDocument<T>(compute: (doc: PostmortemDocument) => T): (doc: PostmortemDocument) => T {
  const cache = new WeakMap<PostmortemDocument, { value: T }>();
  return (doc) => {
    let entry = cache.get(doc);
    if (!entry) cache.set(doc, (entry = { value: compute(doc) }));
    return entry.value;
  };
}
