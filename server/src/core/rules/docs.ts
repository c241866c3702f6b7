/** Where the rule doc pages are published (the repository's `docs/rules/`). */
export const RULE_DOCS_BASE_URL = 'https://github.com/postmortem-lint/postmortem-lint/blob/main/docs/rules/';

/** The doc page of a rule: `docs/rules/<ID>-<alias>.md`. */
export function ruleDocFile(rule: { id: string; alias: string }): string {
  return `${rule.id}-${rule.alias}.md`;
}

/** The public URL of a rule's doc page, used as LSP `codeDescription.href` and SARIF `helpUri`. */
export function ruleDocUrl(rule: { id: string; alias: string }): string {
  return RULE_DOCS_BASE_URL + ruleDocFile(rule);
}
