import { fieldSpan, isClosed } from '../model/actionItemQueries';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM021',
  alias: 'action-item-deadline',
  description: 'Every open action item has a real deadline (YYYY-MM-DD, a period such as Q1 2026, or Ongoing).',
  tags: ['action-items'],
  defaultLevel: 'error',
  fixable: false,
  options: {},
  check({ doc, report }) {
    for (const item of doc.actionItems) {
      const deadline = item.deadline;
      // An impossible date is wrong even on a finished item; a missing one only matters while work is open.
      if (deadline?.invalid) {
        report({
          span: fieldSpan(doc, item, 'deadline'),
          message: `Deadline "${deadline.value.trim()}" is not a real date: write a date that exists, as YYYY-MM-DD.`,
          data: { value: deadline.value },
        });
        continue;
      }
      if (isClosed(item) || deadline?.date || deadline?.ongoing) continue;
      const given = deadline && !deadline.placeholder ? deadline.value.trim() : '';
      report({
        span: fieldSpan(doc, item, 'deadline'),
        message: given
          ? `Deadline "${given}" is not a date: write it as YYYY-MM-DD (or a period such as "Q1 2026"), or "Ongoing" for recurring work.`
          : 'Action item has no deadline: add a date (e.g. "due: 2026-02-15"), or "Ongoing" for recurring work.',
        data: given ? { value: given } : undefined,
      });
    }
  },
});
