// House styles of real postmortems (see ../shared/corpus/ABOUT.md). Each renders the same parts its own way;
// rendering is pure, so a document can be grown part by part until it reaches its target size.
import { action, clock, deadline, event, lesson, owner, paragraph, title } from './content.mjs';

/** The growable content of one postmortem. */
export function newParts(r, inc) {
  const parts = { events: [], actions: [], lessons: [], summary: [], impact: [], cause: [] };
  parts.summary.push(paragraph(r, inc));
  parts.impact.push(paragraph(r, inc));
  parts.cause.push(paragraph(r, inc));
  for (let k = 0; k < 4; k++) grow(r, inc, parts);
  return parts;
}

/** Adds a little of everything: two events, a paragraph, and now and then an action item and a lesson. */
export function grow(r, inc, parts) {
  for (let k = 0; k < 2; k++) parts.events.push(event(r, inc));
  r.pick([parts.summary, parts.impact, parts.cause]).push(paragraph(r, inc));
  if (parts.actions.length < 3 || r.chance(0.4)) {
    parts.actions.push({ text: action(r, inc), owner: owner(r), deadline: deadline(r, inc), done: r.chance(0.4), issue: r.int(100, 9999) });
  }
  if (parts.lessons.length < 2 || r.chance(0.3)) parts.lessons.push(lesson(r, inc));
}

const paras = (list) => list.join('\n\n');
const bullets = (list) => list.map((t) => `- ${t}`).join('\n');

/** The repository template: YAML front matter, header fields, a timeline table and an action item table. */
function template(inc, p) {
  return `---
incident_id: ${inc.id}
title: ${title(inc)}
date: ${inc.date}
severity: ${inc.severity}
status: final
tags: [${inc.svc}, infrastructure]
---

# Postmortem: ${title(inc)}

**Incident Date:** ${inc.date}
**Duration:** ${inc.minutes} minutes
**Severity:** ${inc.severity}
**Postmortem Author:** ${inc.team} on call

## Executive Summary

${paras(p.summary)}

## Impact

${paras(p.impact)}

## Timeline

All times are UTC.

| Time (UTC) | Event |
| --- | --- |
${p.events.map((e, k) => `| ${clock(inc, k)} | ${e} |`).join('\n')}

## Root Cause Analysis

${paras(p.cause)}

## Action Items

| Action | Owner | Due | Status |
| --- | --- | --- | --- |
${p.actions.map((a) => `| ${a.text} | ${a.owner} | ${a.deadline} | ${a.done ? 'Done' : 'Open'} |`).join('\n')}

## Lessons Learned

${bullets(p.lessons)}
`;
}

/** DFDS: Summary, a CET timeline table with full dates, Contributing Factors, Stats. */
function dfds(inc, p) {
  return `# PM${inc.year}-${String(inc.index % 1000).padStart(3, '0')} ${title(inc)}

## Summary

${paras(p.summary)}

## Timeline

All times in CET.

| Time             | Event                   |
| :--------------- | ----------------------- |
${p.events.map((e, k) => `| ${inc.date} ${clock(inc, k)} | ${e} |`).join('\n')}

## Contributing Factors

${bullets(p.cause)}

## Action Items

${bullets(p.actions.map((a) => `${a.text} (${a.owner})`))}

## Lessons Learned

${bullets(p.lessons)}

## Stats

- Category: Kubernetes | ${inc.svc}
- Time to detection: ${Math.round(inc.minutes / 5)} minutes
- Time to recovery: ${inc.minutes} minutes
`;
}

/** mybinder: a heading per timestamp and "Lessons learnt" as numbered lists. */
function mybinder(inc, p) {
  const events = p.events.map((e, k) => `### ${k === 0 ? `${inc.date} ` : ''}${clock(inc, k)}\n\n${e}.`).join('\n\n');
  return `# ${inc.date}, ${title(inc)}

${paras(p.summary)}

## Timeline

All times in CEST

${events}

## Lessons learnt

### What went well

${p.lessons.map((l, k) => `${k + 1}. ${l}`).join('\n')}

### What went wrong

${p.cause.map((c, k) => `${k + 1}. ${c}`).join('\n')}

## Action items

### Process improvements

${p.actions.map((a, k) => `${k + 1}. ${a.text} [#${a.issue}](https://github.com/jupyterhub/mybinder.org-deploy/issues/${a.issue})`).join('\n')}
`;
}

/** PostHog: bold-time bullets and checklists of follow-ups. */
function posthog(inc, p) {
  return `# PostHog ${title(inc)} - ${inc.date}

**Severity:** ${inc.severity === 'P0' ? 'Critical' : 'Major'}

${p.summary[0]}

## Summary

${paras(p.summary.slice(1).concat(p.impact))}

## Timeline

${p.events.map((e, k) => `- **${clock(inc, k)} UTC** - ${e}`).join('\n')}

## Root cause

${paras(p.cause)}

## What went well

${bullets(p.lessons)}

## Follow-ups

${p.actions.map((a) => `- [${a.done ? 'x' : ' '}] ${a.text} (${a.owner})`).join('\n')}
`;
}

/** Kubernetes test-infra: SRE-book sections, prose timeline with bullets. */
function k8s(inc, p) {
  return `# ${inc.date} ${title(inc)}

Created By: ${inc.team}
Last Modified: ${inc.date}

## Summary

${paras(p.summary)}

## Impact

${paras(p.impact)}

## Root Cause

${paras(p.cause)}

## Detection

The outage was noticed when ${p.events[0].toLowerCase()}.

## Resolution

${p.events[p.events.length - 1]}.

## Lessons learned

### What went well

${bullets(p.lessons)}

### What went poorly

${bullets(p.cause.map((c) => c.split('. ')[0]))}

### Where we got lucky

- The outage happened outside peak hours.

## Action items

${bullets(p.actions.map((a) => `${a.text} ([#${a.issue}](https://github.com/kubernetes/test-infra/issues/${a.issue}))`))}

## Timeline

All times in PDT (UTC-7).

${p.events.map((e, k) => `- ${clock(inc, k)}: ${e}`).join('\n')}
`;
}

/** Rust blog: TOML front matter and prose, with a short timeline list. */
function rustBlog(inc, p) {
  return `+++
path = "inside-rust/${inc.date.replace(/-/g, '/')}/${inc.svc}-postmortem"
title = "${title(inc)}"
authors = ["The ${inc.team} team"]
+++

${paras(p.summary)}

## Timeline

${p.events.map((e, k) => `* ${clock(inc, k)} UTC: ${e}`).join('\n')}

## Root cause

${paras(p.cause.concat(p.impact))}

## Next steps

${paras(p.actions.map((a) => `${a.text}. This is tracked in issue #${a.issue}.`))}

${paras(p.lessons)}
`;
}

/** Every house style, by name. */
export const STYLES = { template, dfds, mybinder, posthog, k8s, 'rust-blog': rustBlog };
