import * as assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { normalizeTerms } from '../../server/src/core/model/similarity';
import { readDocumentStatus, readIncidentId, rootCauseTermsOf, sameIncidentId, summarizeIncident } from '../../server/src/core/workspace';

const WITH_FRONT_MATTER = `---
incident_id: INC-2025-12-15
date: 2025-12-15
start: "22:47 UTC"
severity: P0
status: Final
published: 2025-12-16
root_cause: Disk full
tags: [database, infrastructure]
affected_services: api, web
repeat_of: [INC-2025-10-02]
---

# Postmortem: Production database out of disk

## Root Cause

Logs were not rotated after the migration, so the disk filled up.

## Action Items

| # | Action Item | Owner | Deadline | Status |
| --- | --- | --- | --- | --- |
| 1 | Enable logrotate on all hosts | DevOps | 2025-12-20 | ✅ Done |
| 2 | Alert on disk usage over 80% | SRE | 2025-12-21 | 🔄 In Progress |
| 3 | Rewrite the storage layer | DBA | 2026-06-01 | Won't Do |
`;

const WITH_FIELDS = `# Postmortem: Checkout errors

**Incident ID:** INC-77
**Incident Date:** 2025-12-15
**Start Time:** 22:47 UTC
**Severity:** High (P1)
Status: draft

## Summary

**Root Cause:** A payment SDK upgrade changed the default timeout.

## Timeline

- **ID:** INC-99 quoted from the chat, not this incident's id
`;

describe('summarizeIncident', () => {
  it('reads the front matter keys the workspace rules use', () => {
    const summary = summarizeIncident(parsePostmortem(WITH_FRONT_MATTER), 'a.md');
    assert.equal(summary.uri, 'a.md');
    assert.equal(summary.incidentId, 'INC-2025-12-15');
    assert.ok(summary.incidentIdSpan);
    assert.equal(WITH_FRONT_MATTER.slice(summary.incidentIdSpan.start, summary.incidentIdSpan.end), 'INC-2025-12-15');
    assert.equal(summary.title, 'Postmortem: Production database out of disk');
    assert.equal(summary.date, '2025-12-15');
    assert.equal(summary.start, Date.parse('2025-12-15T22:47:00Z') / 60_000);
    assert.equal(summary.published, '2025-12-16');
    assert.equal(summary.status, 'final');
    assert.equal(summary.severity, 'P0');
    assert.equal(summary.rootCause, 'Logs were not rotated after the migration, so the disk filled up.');
    assert.deepEqual(rootCauseTermsOf(summary), normalizeTerms(summary.rootCause!));
    assert.deepEqual(summary.tags, ['database', 'infrastructure']);
    assert.deepEqual(summary.services, ['api', 'web']);
    assert.deepEqual(summary.repeatOf, ['INC-2025-10-02']);
    assert.deepEqual(summary.openActionItems, ['Alert on disk usage over 80%']);
  });

  it('reads header fields when there is no front matter', () => {
    const summary = summarizeIncident(parsePostmortem(WITH_FIELDS), 'b.md');
    assert.equal(summary.incidentId, 'INC-77');
    assert.equal(summary.date, '2025-12-15');
    assert.equal(summary.start, Date.parse('2025-12-15T22:47:00Z') / 60_000);
    assert.equal(summary.status, 'draft');
    assert.equal(summary.severity, 'P1');
    assert.equal(summary.rootCause, 'A payment SDK upgrade changed the default timeout.');
    assert.deepEqual(summary.tags, []);
  });

  it('gives empty values for a document with neither', () => {
    const summary = summarizeIncident(parsePostmortem('# 2018-02-12, Launch failures\n\nSome prose.\n'), 'c.md');
    assert.deepEqual(
      { ...summary, title: undefined },
      { uri: 'c.md', incidentId: undefined, incidentIdSpan: undefined, title: undefined, date: undefined, start: undefined,
        published: undefined, status: undefined, severity: undefined, rootCause: undefined, tags: [],
        services: [], repeatOf: [], openActionItems: [] },
    );
  });

  it('accepts odd front matter values without throwing', () => {
    const text = '---\nincident_id: 42\ntags: {a: 1}\naffected_services: [web, null, {x: 1}]\npublished: soon\nstatus: [final]\n---\n# T\n';
    const summary = summarizeIncident(parsePostmortem(text), 'd.md');
    assert.equal(summary.incidentId, '42');
    assert.deepEqual(summary.tags, []);
    assert.deepEqual(summary.services, ['web']);
    assert.equal(summary.published, undefined);
    assert.equal(summary.status, undefined);
  });

  it('ignores an empty incident_id and a sentence in the Incident ID field', () => {
    assert.equal(readIncidentId(parsePostmortem('---\nincident_id:\n---\n# T\n')), undefined);
    assert.equal(readIncidentId(parsePostmortem('# T\n\nIncident ID: see the other report\n')), undefined);
  });

  it('takes the status from the front matter before the header', () => {
    const doc = parsePostmortem('---\nstatus: published\n---\n# T\n\nStatus: draft\n');
    assert.equal(readDocumentStatus(doc)?.value, 'published');
    assert.equal(readDocumentStatus(doc)?.from, 'frontMatter');
  });

  it('compares ids without regard to case and spaces', () => {
    assert.ok(sameIncidentId('INC-1', ' inc-1 '));
    assert.ok(!sameIncidentId('INC-1', 'INC-10'));
    assert.ok(!sameIncidentId(undefined, undefined));
  });
});
