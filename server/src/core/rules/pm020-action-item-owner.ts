import { fieldSpan, isClosed } from '../model/actionItemQueries';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM020',
  alias: 'action-item-owner',
  description: 'Every open action item names an owner: the person or team who will do it.',
  tags: ['action-items'],
  defaultLevel: 'error',
  fixable: false,
  options: {},
  check({ doc, report }) {
    for (const item of doc.actionItems) {
      // A finished item needs no one to chase it.
      if (item.owner || isClosed(item)) continue;
      report({
        span: fieldSpan(doc, item, 'owner'),
        message: 'Action item has no owner: name the person or team who will do it (e.g. "owner: @sre"), or mark it ✅ Done if it is finished.',
      });
    }
  },
});
