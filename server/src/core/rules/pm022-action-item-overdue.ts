import { fieldSpan, overdueDays } from '../model/actionItemQueries';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM022',
  alias: 'action-item-overdue',
  description: 'Open action items whose deadline has passed.',
  tags: ['action-items'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, settings, report }) {
    for (const item of doc.actionItems) {
      const days = overdueDays(item, settings.today);
      if (days === undefined) continue;
      const deadline = item.deadline!;
      const date = deadline.date;
      const which = deadline.inherited ? `the group's deadline ${deadline.value} (${date})` : `its deadline ${date}`;
      report({
        span: fieldSpan(doc, item, 'deadline'),
        message: `Overdue by ${days} day${days === 1 ? '' : 's'}: ${which} has passed and it is not done. Finish it, or agree a new date and update its status.`,
        data: { days, deadline: date },
      });
    }
  },
});
