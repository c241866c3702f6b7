/** The text of a new postmortem: front matter plus the canonical sections. Pure, shared with tests. */
import { sectionSkeleton } from '../../server/src/core/model/sectionKinds';
import type { SectionKind } from '../../server/src/core/model/types';

/** What the New Postmortem command asks for. */
export interface NewPostmortem {
  title: string;
  severity: string;
  /** ISO incident date. */
  date: string;
}

/** Sections of a new postmortem, in order (the 5 Whys sit inside the root-cause section's skeleton). */
const SECTIONS: SectionKind[] = [
  'summary',
  'impact',
  'timeline',
  'rootCause',
  'contributingFactors',
  'resolution',
  'detection',
  'whatWentWell',
  'whatWentWrong',
  'whereWeGotLucky',
  'actionItems',
  'lessonsLearned',
  'references',
  'signOff',
];

/** Quotes a YAML scalar when it needs it (titles are user text: colons, quotes, #). */
function yamlString(value: string): string {
  return /^[\w .,()/-]+$/.test(value) && !/^\s|\s$/.test(value) ? value : JSON.stringify(value);
}

/** The full text of a new postmortem. */
export function postmortemTemplate({ title, severity, date }: NewPostmortem, eol = '\n'): string {
  const frontMatter = [
    '---',
    `incident_id: INC-${date}`,
    `title: ${yamlString(title)}`,
    `date: ${date}`,
    `severity: ${yamlString(severity)}`,
    'duration: TODO',
    'status: draft',
    'tags: []',
    'affected_services: []',
    '---',
  ];
  const header = [
    `# Postmortem: ${title.replace(/[\r\n]+/g, ' ')}`,
    '',
    `**Incident Date:** ${date}`,
    '**Start Time:** HH:mm UTC',
    '**Recovery Time:** HH:mm UTC',
    '**Duration:** TODO',
    `**Severity:** ${severity}`,
    '**Postmortem Author:** TODO',
    '**Participants:** TODO',
  ];
  const sections = SECTIONS.map((kind) => sectionSkeleton(kind, 2, '\n')).filter((s): s is string => !!s);
  return [...frontMatter, '', ...header, '', sections.join('\n\n'), ''].join('\n').replace(/\n/g, eol);
}
