import type { ListItem, PostmortemDocument } from './types';

/**
 * The review and approval boxes still unticked in the sign-off section (`## Sign-off`, `## Approvals`,
 * `Reviewed by`). Subsections with unrecognised headings ("**Approved by:**" groups) inherit the kind.
 */
export function uncheckedSignOffBoxes(doc: PostmortemDocument): ListItem[] {
  return doc.listItems.filter((item) => item.checkbox && !item.checkbox.checked && item.section?.kind === 'signOff');
}
