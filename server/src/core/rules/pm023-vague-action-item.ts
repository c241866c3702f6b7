import { phraseMatcher } from '../language/phrases';
import { defineRule } from './rule';

/** Wording that names no concrete change, seen again and again in published postmortems. */
export const VAGUE_PHRASES = [
  'be more careful', 'more careful', 'be careful', 'be more vigilant', 'pay more attention', 'pay attention',
  'improve monitoring', 'better monitoring', 'more monitoring', 'improve alerting', 'better alerting',
  'improve communication', 'better communication', 'communicate better', 'improve test coverage',
  'more testing', 'test more', 'improve testing', 'improve documentation', 'better documentation',
  'investigate', 'look into', 'looking into', 'think about', 'figure out', 'consider', 'reflect on', 'discuss',
  'need to train', 'train the team', 'train team', 'more training', 'be aware',
  "make sure this doesn't happen again", 'make sure this does not happen again', "make sure it doesn't happen again",
  "ensure this doesn't happen again", 'ensure this does not happen again', 'prevent this from happening again',
  'double check', 'double-check', 'try to', 'try harder', 'do better',
];

export default defineRule({
  id: 'PM023',
  alias: 'vague-action-item',
  description: 'Action items must say what will change: an action verb, an object and a condition that can be checked.',
  tags: ['action-items'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, settings, report }) {
    const matcher = phraseMatcher(VAGUE_PHRASES, settings.vaguePhrases);
    for (const item of doc.actionItems) {
      const text = doc.prose.slice(item.textSpan.start, item.textSpan.end);
      const match = matcher.findAll(text)[0];
      const question = !match && /\?\s*$/.test(item.text) && /^(?:can|could|should|do|does|how|what|why|is|are)\b/i.test(item.text);
      if (!match && !question) continue;
      const start = item.textSpan.start + (match?.index ?? 0);
      const end = match ? start + match.found.length : item.textSpan.end;
      const what = match ? `"${match.found}"` : 'a question';
      report({
        span: { start, end },
        message: `Vague action item (${what}): say what will change, on what, and how you will know it is done, e.g. "Add an alert when disk usage exceeds 80%".`,
        data: { phrase: match?.phrase },
      });
    }
  },
});
