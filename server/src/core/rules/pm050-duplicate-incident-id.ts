import { readIncidentId } from '../workspace';
import { incidentIdKey, workspaceLookup } from '../workspaceLookup';
import { defineRule } from './rule';

/** Other files named in one message; the rest are counted. */
const MAX_NAMED = 3;

export default defineRule({
  id: 'PM050',
  alias: 'duplicate-incident-id',
  description: 'Each postmortem needs its own incident_id: no two files in the workspace may share one.',
  tags: ['workspace'],
  defaultLevel: 'error',
  fixable: false,
  options: {},
  check({ doc, workspace, uri, report }) {
    const id = readIncidentId(doc);
    if (!id) return;
    const same = workspaceLookup(workspace.incidents).byId.get(incidentIdKey(id.value)) ?? [];
    const others = same.filter((other) => other.uri !== uri).map((other) => other.uri);
    if (others.length === 0) return;
    const named = others.slice(0, MAX_NAMED).join(', ');
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    report({
      span: id.span,
      message: `Incident id ${id.value} is also used by ${named}${more}; give each incident its own id, or merge the postmortems if they describe the same incident.`,
      data: { incidentId: id.value, others },
    });
  },
});
