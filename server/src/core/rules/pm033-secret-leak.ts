import { findSecrets, REDACTED } from '../language/secrets';
import { defineRule } from './rule';

export default defineRule({
  id: 'PM033',
  alias: 'secret-leak',
  description: 'Credentials pasted into the postmortem (tokens, keys, passwords), including inside code blocks and quotes.',
  tags: ['security'],
  defaultLevel: 'error',
  fixable: true,
  options: {},
  check({ doc, report }) {
    // The whole text, not the prose: secrets arrive in pasted logs, code blocks and quotes.
    for (const secret of findSecrets(doc.text)) {
      report({
        span: secret.span,
        message: `${secret.label[0].toUpperCase()}${secret.label.slice(1)} pasted into the postmortem: revoke or rotate it, then replace it with ${REDACTED}.`,
        fix: { title: `Redact the ${secret.label}`, edits: [{ span: secret.redact, newText: REDACTED }] },
        data: { label: secret.label },
      });
    }
  },
});
