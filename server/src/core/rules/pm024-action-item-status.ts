import { fieldSpan } from '../model/actionItemQueries';
import { STATUS_LABELS, closestStatus } from '../model/status';
import { defineRule } from './rule';

const KNOWN = Object.values(STATUS_LABELS).join(', ');

export default defineRule({
  id: 'PM024',
  alias: 'action-item-status',
  description: 'Action item statuses use a known value, and Blocked says what it is waiting for.',
  tags: ['action-items'],
  defaultLevel: 'warning',
  fixable: true,
  options: {},
  check({ doc, report }) {
    for (const item of doc.actionItems) {
      const status = item.status;
      // A status implied by a group heading is the heading's business, not the item's.
      if (!status || status.inherited) continue;
      const value = status.value.trim();
      if (!status.normalized) {
        const near = closestStatus(value);
        const label = near && STATUS_LABELS[near];
        report({
          span: status.span,
          message: label ? `Unknown status "${value}": did you mean "${label}"?` : `Unknown status "${value}": use one of ${KNOWN}.`,
          fix: label ? { title: `Change the status to "${label}"`, edits: [{ span: status.span, newText: label }] } : undefined,
          data: { value },
        });
      } else if (status.normalized === 'blocked' && !status.reason) {
        report({
          span: fieldSpan(doc, item, 'status'),
          message: 'Blocked without a reason: say what the item is waiting for, e.g. "🚫 Blocked (waiting for the vendor fix)", so someone can unblock it.',
        });
      }
    }
  },
});
