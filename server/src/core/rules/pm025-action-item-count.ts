import { actionItemsAnchor, isClosed } from '../model/actionItemQueries';
import { defineRule } from './rule';

/** Options of PM025. */
interface CountOptions {
  /** Most open action items one postmortem should carry. */
  max: number;
}

export default defineRule<CountOptions>({
  id: 'PM025',
  alias: 'action-item-count',
  description: 'A postmortem carries only as many open action items as a team can finish.',
  tags: ['action-items'],
  defaultLevel: 'warning',
  fixable: false,
  options: {
    max: { type: 'number', default: 7, minimum: 1, description: 'Most open action items before the rule asks you to prioritise.' },
  },
  check({ doc, options, report }) {
    const open = doc.actionItems.filter((item) => !isClosed(item)).length;
    const span = actionItemsAnchor(doc);
    if (open <= options.max || !span) return;
    report({
      span,
      message: `${open} open action items, more than ${options.max}: long lists rarely get done. Keep the few that most reduce the risk of a repeat and move the rest to the backlog.`,
      data: { open, max: options.max },
    });
  },
});
