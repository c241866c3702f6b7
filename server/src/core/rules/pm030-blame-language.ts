import { findBlameWording } from '../language/blameLexicon';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM030',
  alias: 'blame-language',
  description: 'Accusatory wording ("your fault", "careless", "human error") judges people instead of explaining the system.',
  tags: ['blame'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, settings, report }) {
    for (const wording of findBlameWording(doc.prose, doc.text, settings.blamePhrases)) {
      report({
        span: wording.span,
        message: `"${wording.found}" judges a person rather than explaining the system: describe what happened and what in the system allowed it.`,
        suggestions: wording.suggestions.length ? wording.suggestions : undefined,
        data: { phrase: wording.phrase },
      });
    }
  },
});
