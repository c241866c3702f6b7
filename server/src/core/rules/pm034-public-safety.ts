import { findExposures, type Exposure } from '../language/publicSafety';
import type { PostmortemDocument } from '../model/types';
import { defineRule } from './rule';

const MESSAGES: Record<Exposure['kind'], (e: Exposure) => string> = {
  name: (e) => `"${e.text}" names a person in a public postmortem: use a role ("the on-call engineer") instead.`,
  handle: (e) => `"${e.text}" identifies a person in a public postmortem: use a role ("the on-call engineer") instead.`,
  email: (e) => `"${e.text}" is an e-mail address in a public postmortem: remove it or use a team alias page.`,
  host: (e) => `"${e.text}" is an internal host name: name the component instead ("the primary database"), not the host.`,
  ip: (e) => `"${e.text}" is a private IP address: public readers need the component, not the address.`,
  link: (e) => `Link to an internal ${e.what ?? 'page'}: public readers cannot open it and it reveals internal tooling; remove it or link a public page.`,
};

/** Whether the front matter declares the postmortem public (`visibility: public`). */
function isPublic(doc: PostmortemDocument): boolean {
  const visibility = doc.frontMatter?.data?.visibility;
  return typeof visibility === 'string' && visibility.trim().toLowerCase() === 'public';
}

export default defineRule({
  id: 'PM034',
  alias: 'public-safety',
  description: 'A public postmortem (`visibility: public`) names people or reveals internal hosts, addresses or links.',
  tags: ['security'],
  defaultLevel: 'warning',
  fixable: false,
  options: {},
  check({ doc, report }) {
    if (!isPublic(doc)) return;
    for (const exposure of findExposures(doc)) {
      report({ span: exposure.span, message: MESSAGES[exposure.kind](exposure), data: { kind: exposure.kind } });
    }
  },
});
