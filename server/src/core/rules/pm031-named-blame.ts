import { findNamedBlame } from '../language/namedBlame';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM031',
  alias: 'named-blame',
  description: 'A named person, @handle or role ("the intern") is written as the cause of a failure.',
  tags: ['blame'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, report }) {
    for (const blame of findNamedBlame(doc.prose, doc.text)) {
      report({
        span: blame.span,
        message: `"${blame.who} ${blame.what}" makes a person the cause of the failure: describe what happened and which safeguard was missing, with the system as the subject.`,
        suggestions: blame.suggestions.length ? blame.suggestions : undefined,
        data: { who: blame.who, kind: blame.kind },
      });
    }
  },
});
