import type { Range, TextEdit } from 'vscode-languageserver';
import { formatDocument } from '../core/format/formatDocument';
import type { PostmortemDocument } from '../core/model/types';

/** Aligns every table (only those in `range`, when given) and normalises the timeline; LSP edits. */
export function formatEdits(doc: PostmortemDocument, sortTimeline: boolean, range?: Range): TextEdit[] {
  const span = range ? { start: doc.lines.offsetAt(range.start), end: doc.lines.offsetAt(range.end) } : undefined;
  return formatDocument(doc, { sortTimeline, range: span }).map((edit) => ({
    range: { start: doc.lines.positionAt(edit.span.start), end: doc.lines.positionAt(edit.span.end) },
    newText: edit.newText,
  }));
}
