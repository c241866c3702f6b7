import { findPlaceholders, type PlaceholderKind } from '../model/placeholders';
import { defineRule } from './rule';

const ADVICE: Record<PlaceholderKind, string> = {
  bracket: 'replace it with the real value',
  marker: 'finish it or remove the marker',
  mask: 'write the real date or time',
  unknownValue: 'write what is known, or "unknown" and why',
  heading: 'name the incident',
  braces: 'replace the template guidance with the real text',
};

export default defineRule({
  id: 'PM003',
  alias: 'template-placeholder',
  description: 'Template text left in the document: [Name], TODO, TBD, YYYY-MM-DD, HH:mm, "?" as a value, # ISSUE NAME.',
  tags: ['structure'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, report }) {
    for (const placeholder of findPlaceholders(doc)) {
      const shown = placeholder.text.length > 60 ? `${placeholder.text.slice(0, 57)}...` : placeholder.text;
      report({
        span: placeholder.span,
        message: `Template placeholder "${shown}" left in the document: ${ADVICE[placeholder.kind]}.`,
        data: { kind: placeholder.kind },
      });
    }
  },
});
