import { findPersonCause } from '../model/personCause';
import { defineRule } from './rule';

/** Options of PM008. */
interface Options {
  /** Fewest why-questions a 5-whys chain may have. */
  minWhys: number;
}

export default defineRule<Options>({
  id: 'PM008',
  alias: 'five-whys',
  description: 'A 5-whys analysis needs enough whys, an answer to each, and must end at a system cause, not a person.',
  tags: ['blame', 'structure'],
  defaultLevel: 'warning',
  fixable: false,
  options: {
    minWhys: { type: 'number', default: 3, minimum: 1, description: 'Fewest why-questions the chain may have.' },
  },
  check({ doc, options, report }) {
    const analysis = doc.fiveWhys;
    if (!analysis) return;
    const { whys } = analysis;
    if (whys.length < options.minWhys) {
      const heading = analysis.section?.heading;
      report({
        span: heading ? heading.textSpan : whys[0].span,
        message: `The 5-whys analysis asks ${whys.length} why${whys.length === 1 ? '' : 's'} (at least ${options.minWhys}): keep asking why until the answer is something the team can change in the system.`,
        data: { kind: 'count', whys: whys.length },
      });
    }
    for (const why of whys) {
      if (why.answer) continue;
      report({
        span: why.span,
        message: `"${why.question}" has no answer: write the answer under the question, or remove the question.`,
        data: { kind: 'unanswered' },
      });
    }
    const last = whys[whys.length - 1];
    if (!last?.answer || !last.answerSpan) return;
    const answer = doc.prose.slice(last.answerSpan.start, last.answerSpan.end);
    const blame = findPersonCause(answer);
    if (!blame) return;
    const start = last.answerSpan.start + blame.index;
    report({
      span: { start, end: start + blame.found.length },
      message: `The chain stops at a person ("${blame.found}"): ask one more why, "why did the system allow this?", until the answer is a missing safeguard, check or process.`,
      data: { kind: 'person', phrase: blame.found },
    });
  },
});
