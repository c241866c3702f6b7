import { CANONICAL_SECTIONS, canonicalIndex, kindInParent, kindOfHeading, sectionSkeleton } from '../model/sectionKinds';
import { coveredKinds, insertionPoint, isKindCovered, mainSectionLevel } from '../model/structure';
import type { PostmortemDocument, Section, SectionKind } from '../model/types';
import { defineRule, type Fix, type ProblemSeverity } from './rule';

/** What each kind is called in messages, with other headings that would satisfy it. */
const KIND_NAMES: Partial<Record<SectionKind, string>> = {
  summary: 'a summary ("Summary", "Executive Summary", "Overview")',
  impact: 'an impact section ("Impact", "Customer impact")',
  timeline: 'a timeline ("Timeline", "Timeline of events")',
  rootCause: 'a root-cause analysis ("Root Cause", "Contributing Factors", "5 Whys")',
  fiveWhys: 'a 5-whys analysis ("5 Whys", or a chain of "Why…?" questions under Root Cause)',
  contributingFactors: 'a contributing-factors section',
  resolution: 'a resolution section ("Resolution", "Recovery", "Mitigation")',
  detection: 'a detection section',
  whatWentWell: 'a "What Went Well" section',
  whatWentWrong: 'a "What Went Wrong" section ("What went poorly", "What didn\'t work")',
  whereWeGotLucky: 'a "Where We Got Lucky" section',
  actionItems: 'action items ("Action Items", "Follow-ups", "Remediation", "Corrective actions")',
  lessonsLearned: 'lessons learned ("Lessons Learned", "Lessons learnt", "Key takeaways")',
  references: 'references',
  signOff: 'a sign-off',
};

export default defineRule<{ acceptFields: boolean; unclassifiedLevel: ProblemSeverity }>({
  id: 'PM001',
  alias: 'required-sections',
  description: 'A postmortem must have the sections its severity requires (summary, timeline, root cause, action items...).',
  tags: ['structure'],
  defaultLevel: 'error',
  fixable: true,
  options: {
    acceptFields: {
      type: 'boolean',
      default: true,
      description: 'Count bold-label fields (`- **Impact**:`, `**Root Cause:** …`), a lead summary paragraph and a stated root cause as sections.',
    },
    unclassifiedLevel: {
      type: 'string',
      default: 'warning',
      enum: ['error', 'warning', 'info', 'hint'],
      description: 'Level of the problems on a document that declares no severity (never more severe than the rule\'s level).',
    },
  },
  check({ doc, options, settings, report }) {
    const required = requiredKinds(settings.requiredSections, doc.severity?.level ?? doc.severity?.value);
    if (required.length === 0) return;
    const covered = coveredKinds(doc, options.acceptFields, required);
    const missing = required.filter((kind) => !isKindCovered(kind, covered));
    if (missing.length === 0) return;
    const span = doc.title ? doc.title.textSpan : doc.lines.lineSpan(0);
    const level = mainSectionLevel(doc);
    const severity = doc.severity?.level;
    const eol = doc.lines.eol;
    const rootCauseFix = missing.includes('rootCause') ? insertFix(doc, 'rootCause', level, eol) : undefined;
    for (const kind of missing) {
      // The root-cause skeleton holds a 5-whys chain, so when both are missing one insertion serves both.
      const fix = kind === 'fiveWhys' && rootCauseFix ? rootCauseFix : insertFix(doc, kind, level, eol);
      const why = severity && settings.requiredSections[severity] ? ` (required for ${severity} incidents)` : '';
      report({
        span,
        message: `Missing ${KIND_NAMES[kind] ?? kind}${why}: add the section, or explain in it why it does not apply.`,
        fix,
        severity: doc.severity ? undefined : options.unclassifiedLevel,
        data: { kind },
      });
    }
  },
});

const KNOWN_KINDS = new Set(CANONICAL_SECTIONS.map((s) => s.kind as string));

/** The kinds required for a severity: its own list, else `default`; unknown kinds are ignored. */
function requiredKinds(table: Record<string, string[]>, severity: string | undefined): SectionKind[] {
  const list = (severity !== undefined && table[severity]) || table.default || [];
  return [...new Set(list)].filter((kind) => KNOWN_KINDS.has(kind)).sort((a, b) => canonicalIndex(a as SectionKind) - canonicalIndex(b as SectionKind)) as SectionKind[];
}

/** The kind a heading of this level and text would get if it were inserted at `offset`. */
function kindAt(doc: PostmortemDocument, offset: number, level: number, text: string): SectionKind {
  let parent: Section | undefined;
  for (const s of doc.sections) if (s.level < level && s.span.start < offset && offset <= s.span.end) parent = s;
  const parentKind = parent && !(parent.level === 1 && parent.heading === doc.headings[0]) ? parent.kind : undefined;
  return parentKind ? kindInParent(text, parentKind) : kindOfHeading(text);
}

/** Inserts the canonical skeleton; a missing 5 whys goes inside an existing root-cause section. */
function insertFix(doc: PostmortemDocument, kind: SectionKind, level: number, eol: string): Fix | undefined {
  const host = kind === 'fiveWhys' ? doc.sections.find((s) => s.kind === 'rootCause' && s.level <= level) : undefined;
  const at = host ? { offset: host.span.end, before: false } : insertionPoint(doc, kind, level);
  // Inside a code fence that never closes, the new section would be code: fixing it would add it forever.
  if (doc.openFenceStart !== undefined && at.offset > doc.openFenceStart) return undefined;
  const skeleton = sectionSkeleton(kind, host ? host.level + 1 : level, eol);
  if (!skeleton) return undefined;
  const newText = at.before ? `${skeleton}${eol}${eol}` : `${eol}${eol}${skeleton}`;
  const title = CANONICAL_SECTIONS.find((s) => s.kind === kind)?.title ?? kind;
  // Under a second H1 of another kind ("# Summary") the new heading would take its parent's kind and the
  // problem would stay: offer no fix rather than one that adds a section on every pass.
  if (kindAt(doc, at.offset, host ? host.level + 1 : level, title) !== kind) return undefined;
  return { title: `Add a "${title}" section`, edits: [{ span: { start: at.offset, end: at.offset }, newText }] };
}
