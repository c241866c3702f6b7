import { actionItemsAnchor } from '../model/actionItemQueries';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM026',
  alias: 'action-item-coverage',
  description: 'A P0 or P1 postmortem has at least one Prevent and one Detect action item.',
  tags: ['action-items'],
  defaultLevel: 'info',
  fixable: false,
  options: {},
  check({ doc, report }) {
    const rank = doc.severity?.rank;
    if (rank === undefined || rank > 1) return;
    // With no action items section at all, the required-sections rule has already said so.
    const span = actionItemsAnchor(doc);
    if (!span) return;
    const live = doc.actionItems.filter((item) => item.status?.normalized !== 'wontDo');
    const missing = (['prevent', 'detect'] as const).filter((c) => !live.some((item) => item.category === c));
    if (missing.length === 0) return;
    const parts = missing.map((c) => (c === 'prevent' ? 'Prevent (stops it happening again: a guard, a test, a limit)' : 'Detect (catches it sooner: an alert, a dashboard, a synthetic check)'));
    report({
      span,
      message: `${doc.severity!.level} postmortem without a ${missing.map((c) => (c === 'prevent' ? 'Prevent' : 'Detect')).join(' or ')} action item: add ${parts.join(', and ')}.`,
      data: { missing },
    });
  },
});
