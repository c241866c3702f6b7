import { frontMatterEntry } from '../model/frontMatter';
import { readPublished } from '../model/incidentTimes';
import { uncheckedSignOffBoxes } from '../model/signOff';
import type { PostmortemDocument } from '../model/types';
import { readDocumentStatus } from '../workspace';
import { defineRule } from './rule';

/** Statuses that say the document is finished. */
const FINAL_STATUSES = ['final', 'published'];

/** Why the document counts as finished, in the words of its front matter or header, or undefined. */
function finishedBecause(doc: PostmortemDocument): string | undefined {
  const status = readDocumentStatus(doc);
  if (status && FINAL_STATUSES.includes(status.value.replace(/[^a-z]/g, ''))) return `is marked ${status.value}`;
  const published = readPublished(doc);
  if (published) return `has a published date (${doc.text.slice(published.span.start, published.span.end)})`;
  if (frontMatterEntry(doc.frontMatter, 'published')?.value === true) return 'is marked published';
  return undefined;
}

export default defineRule({
  id: 'PM041',
  alias: 'sign-off',
  description: 'A postmortem marked final or published must have every review and approval box in its sign-off section ticked.',
  tags: ['process'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, report }) {
    const boxes = uncheckedSignOffBoxes(doc);
    if (boxes.length === 0) return;
    const because = finishedBecause(doc);
    if (!because) return;
    for (const box of boxes) {
      const who = box.text.replace(/[*_`]/g, '').trim();
      const name = who.length > 50 ? `${who.slice(0, 49)}…` : who;
      report({
        span: { start: box.checkbox?.span.start ?? box.textSpan.start, end: box.textSpan.end },
        message: `The postmortem ${because} but the sign-off "${name || 'unnamed'}" is not ticked; finish that review first, or keep the status at draft until it is done.`,
        data: { reviewer: who },
      });
    }
  },
});
