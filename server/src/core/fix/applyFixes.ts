import type { Fix, TextEdit } from '../rules/rule';

/** The text after applying fixes, and how many were applied. */
export interface AppliedFixes {
  text: string;
  applied: number;
  skipped: number;
  /** The edits that were applied, in the order their fixes came. */
  edits: TextEdit[];
}

/**
 * Applies whole fixes to a text. A fix is applied only if none of its edits overlaps an edit already
 * taken, so that conflicting fixes never garble the text: a later pass picks up what was skipped.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const taken: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of fixes) {
    const valid = fix.edits.every((e) => e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length);
    if (!valid || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) {
      skipped++;
      continue;
    }
    taken.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, taken), applied, skipped, edits: taken };
}

/** Two edits overlap when their spans share a character, or both insert at the same offset. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** Applies non-overlapping edits (the caller guarantees they do not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.span.start), edit.newText);
    at = edit.span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
