import { phraseMatcher } from '../language/phrases';

/** Names for a person's failing given as a cause. */
const PERSON_CAUSES = [
  'human error', 'operator error', 'user error', 'pilot error', 'engineer error', 'developer error', 'admin error',
  'mistake', 'mistakes', 'the engineer', 'an engineer', 'the developer', 'a developer', 'the operator', 'the admin',
  'the administrator', 'carelessness', 'careless', 'negligence', 'negligent', 'inattention', 'lack of attention',
  'not careful enough',
];

/**
 * A person or role doing (or not doing) something as the cause: "the engineer forgot", "developer didn't test",
 * "someone accidentally ran". Verbs alone are not enough: "the validation did not check" blames code, not people.
 */
const PERSON_ACT =
  /\b(?:(?:the|an?|our|one)\s+)?(?:engineers?|developers?|devs?|operators?|admins?|administrators?|users?|on-?call(?:\s+engineer)?|reviewers?|authors?|someone|somebody|employees?|contractors?|interns?|he|she)\s+(?:had\s+)?(?:forgot|forgotten|did\s?n[o']t\s+(?:test|check|follow|notice|verify|review|read|realise|realize|think)|failed\s+to\s+(?:test|check|follow|notice|verify|review)|was(?:n't|\s+not)\s+careful|made\s+(?:an?\s+)?(?:mistake|error|typo)|mistakenly|accidentally|carelessly|ignored)\b/i;

/**
 * Words that turn the sentence to the system: "no protection from human error", "the tooling allowed an engineer
 * to delete every server", "there was no check before deploy". A cause phrased like this is systemic, not blame.
 */
const SYSTEMIC =
  /\b(?:allow(?:ed|s|ing)?|let|permit(?:ted|s)?|without|lack(?:ed|s|ing)?\s+(?:of\s+)?(?!attention)|missing|absence|no\s+(?:check|guard|safeguard|validation|review|test|alert|protection|confirmation|automation|process|runbook|checklist|guide|documentation|monitoring)|nothing\s+(?:stopped|prevented|caught)|protect\w*|prevent\w*|guard\w*|safeguard\w*|tool(?:s|ing)?|process(?:es)?|automat\w*|pipeline|checklist|runbook|design(?:ed)?|made\s+it\s+(?:easy|possible)|prone)\b/i;

/** A person named as the cause: what the text says, and where. */
export interface PersonCause {
  found: string;
  index: number;
}

/** Where a statement blames a person rather than the system, or undefined when it does not. */
export function findPersonCause(text: string): PersonCause | undefined {
  if (SYSTEMIC.test(text)) return undefined;
  const phrase = phraseMatcher(PERSON_CAUSES, []).findAll(text)[0];
  const act = PERSON_ACT.exec(text);
  if (act && (!phrase || act.index <= phrase.index)) return { found: act[0], index: act.index };
  return phrase && { found: phrase.found, index: phrase.index };
}
