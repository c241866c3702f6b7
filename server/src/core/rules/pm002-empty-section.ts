import { findPlaceholders } from '../model/placeholders';
import { sectionContent } from '../model/sectionContent';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM002',
  alias: 'empty-section',
  description: 'A section must say something: a heading followed by nothing, or only by template placeholders, is unfinished.',
  tags: ['structure'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, report }) {
    const placeholders = findPlaceholders(doc);
    for (const section of doc.sections) {
      // A parent whose text is all in its subsections is not empty; the subsections are checked on their own.
      if (section.children.length > 0) continue;
      const content = sectionContent(doc, section, placeholders);
      if (content === 'content') continue;
      const name = section.heading.text;
      report({
        span: section.heading.textSpan,
        message:
          content === 'placeholders'
            ? `Section "${name}" holds only template placeholders: write what happened, or "None" if there is nothing to say.`
            : `Section "${name}" is empty: write its content, or "None" if there is nothing to say, or remove the heading.`,
        data: { kind: section.kind },
      });
    }
  },
});
