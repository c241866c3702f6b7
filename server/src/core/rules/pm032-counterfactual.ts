import { findCounterfactuals } from '../language/counterfactual';
import { defineRule } from './rule';

const MESSAGES = {
  active: 'Hindsight about a person ("should have", "could have"): describe what they knew at the time and what would have prompted the action.',
  passive: 'Hindsight in the passive ("should have been caught") hides who missed it: say what the review or check did not catch and why.',
  conditional: 'Counterfactual about a person ("if … had …, … would not have"): describe what the system did not provide, not what someone failed to do.',
};

export default defineRule({
  id: 'PM032',
  alias: 'counterfactual',
  description: 'Hindsight about people ("should have", "could have", "if X had…") instead of what the system allowed.',
  tags: ['blame'],
  defaultLevel: 'info',
  fixable: false,
  options: {},
  check({ doc, report }) {
    for (const found of findCounterfactuals(doc.prose, doc.text)) {
      report({
        span: found.span,
        message: MESSAGES[found.kind],
        suggestions: found.suggestions.length ? found.suggestions : undefined,
        data: { kind: found.kind },
      });
    }
  },
});
