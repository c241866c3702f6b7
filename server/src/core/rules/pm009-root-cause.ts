import { findPersonCause } from '../model/personCause';
import { rootCauseClaims, rootCauseSections, rootCauseStatement } from '../model/rootCause';
import { defineRule } from './rule';

/** Severity ranks (0 = most severe) that must state a root cause even without a root-cause section: P0 and P1. */
const MUST_STATE_RANK = 1;

export default defineRule({
  id: 'PM009',
  alias: 'root-cause',
  description: 'State the root cause as a system condition, never "human error" or a person.',
  tags: ['blame', 'structure'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, report }) {
    const sections = rootCauseSections(doc);
    const statement = rootCauseStatement(doc);
    if (!statement) {
      const section = sections[0];
      const contributing = doc.sections.some((s) => s.kind === 'contributingFactors' && s.ownContentSpan.end > s.ownContentSpan.start && /\p{L}/u.test(doc.prose.slice(s.ownContentSpan.start, s.ownContentSpan.end)));
      if (section) {
        report({
          span: section.heading.textSpan,
          message: 'The root-cause section states no cause: write one or two sentences naming the condition in the system that let the incident happen.',
          data: { kind: 'missing' },
        });
      } else if (doc.severity?.rank !== undefined && doc.severity.rank <= MUST_STATE_RANK && !contributing) {
        report({
          span: doc.severity.span,
          message: `A ${doc.severity.level} incident needs a root cause: add a "Root Cause" section or a **Root Cause:** line naming the condition in the system that let it happen.`,
          data: { kind: 'missing' },
        });
      }
    }
    for (const claim of rootCauseClaims(doc)) {
      const text = doc.prose.slice(claim.span.start, claim.span.end);
      const blame = findPersonCause(text);
      if (!blame) continue;
      const start = claim.span.start + blame.index;
      report({
        span: { start, end: start + blame.found.length },
        message: `"${blame.found}" is not a root cause: ask why the system let it happen and state that instead, e.g. "the deploy tool allowed deleting every server at once".`,
        data: { kind: 'person', phrase: blame.found },
      });
    }
  },
});
