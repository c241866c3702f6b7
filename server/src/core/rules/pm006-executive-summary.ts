import { readSummary } from '../model/summary';
import { defineRule } from './rule';

/** Options of PM006. */
interface Options {
  /** Longest summary, in words, before it stops being a summary. */
  maxWords: number;
  /** Code spans, IP addresses and host names a summary may hold before it reads as a runbook. */
  maxTechnicalTerms: number;
}

export default defineRule<Options>({
  id: 'PM006',
  alias: 'executive-summary',
  description: 'The executive summary must be short, readable by a non-engineer, and state the impact.',
  tags: ['structure'],
  defaultLevel: 'warning',
  fixable: false,
  options: {
    maxWords: { type: 'number', default: 150, minimum: 1, description: 'Longest summary, in words (a code span counts as one word).' },
    maxTechnicalTerms: {
      type: 'number',
      default: 3,
      minimum: 0,
      description: 'Most code spans, IP addresses and host names the summary may contain; code blocks and stack traces are never allowed.',
    },
  },
  check({ doc, options, report }) {
    const summary = readSummary(doc);
    if (!summary) return;
    const heading = summary.section.heading;
    const at = heading.textSpan.end > heading.textSpan.start ? heading.textSpan : heading.span;
    if (summary.words > options.maxWords) {
      report({
        span: at,
        message: `The summary is ${summary.words} words long (at most ${options.maxWords}): keep it to what happened, the impact, the cause and the fix in a few sentences, and move details to later sections.`,
        data: { kind: 'length', words: summary.words },
      });
    }
    const block = summary.codeBlocks[0] ?? summary.stackTraces[0];
    const terms = [...summary.codeSpans, ...summary.hosts].sort((a, b) => a.start - b.start);
    if (block) {
      report({
        span: { start: block.start, end: Math.min(block.end, doc.lines.lineEnds[doc.lines.lineAt(block.start)]) },
        message: 'The summary contains code or a stack trace: a non-engineer must be able to read it, so describe the failure in words and move the output to the Appendix.',
        data: { kind: 'code' },
      });
    } else if (terms.length > options.maxTechnicalTerms) {
      report({
        span: terms[options.maxTechnicalTerms],
        message: `The summary holds ${terms.length} code spans, host names or IP addresses (at most ${options.maxTechnicalTerms}): name the service and what users saw instead, and keep identifiers for the technical sections.`,
        data: { kind: 'jargon', count: terms.length },
      });
    }
    if (!summary.impact) {
      report({
        span: at,
        message: 'The summary does not state the impact: say who was affected and how much (users, requests, duration, money), e.g. "Checkout failed for 12% of customers for 47 minutes."',
        data: { kind: 'impact' },
      });
    }
  },
});
