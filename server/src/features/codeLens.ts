import type { CodeLens } from 'vscode-languageserver';
import type { PostmortemDocument } from '../core/model/types';
import { overdueDays } from '../core/model/actionItemQueries';

/** "7 items · 3 done · 2 overdue · 43% complete" on the Action Items heading. */
export function actionItemLens(doc: PostmortemDocument, today: string): CodeLens[] {
  const section = doc.sections.find((s) => s.kind === 'actionItems');
  if (!section || doc.actionItems.length === 0) return [];
  const items = doc.actionItems;
  const done = items.filter((i) => i.status?.normalized === 'done').length;
  const overdue = items.filter((i) => overdueDays(i, today) !== undefined).length;
  const percent = Math.round((done / items.length) * 100);
  const title = `${items.length} item${items.length === 1 ? '' : 's'} · ${done} done · ${overdue} overdue · ${percent}% complete`;
  const position = doc.lines.positionAt(section.heading.span.start);
  // An empty command id makes the lens a label, which every client shows and none tries to run.
  return [{ range: { start: position, end: position }, command: { title, command: '' } }];
}
