import type { LineIndex } from './lineIndex';
import { isTimestampHeading, kindInParent, kindOfHeading } from './sectionKinds';
import type { Heading, Section } from './types';
import { isRegexSpace } from './whitespace';

/** Builds the section tree from the headings, giving each section its canonical kind. Linear in the headings. */
export function buildSections(lines: LineIndex, headings: Heading[]): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  const textEnd = lines.text.length;
  let previousTop: Section | undefined;
  // A section ends where the next heading of the same or a higher level starts: close those still open.
  const closeUntil = (level: number, end: number) => {
    while (open.length && open[open.length - 1].level >= level) finish(lines, open.pop()!, end);
  };
  for (let k = 0; k < headings.length; k++) {
    const heading = headings[k];
    closeUntil(heading.level, heading.span.start);
    const parent = open[open.length - 1];
    const nextAny = headings[k + 1];
    const ownEnd = nextAny ? nextAny.span.start : textEnd;
    const contentStart = Math.min(heading.span.end + 1, ownEnd);
    // A title H1 does not give its kind to the document's sections.
    const parentKind = parent && !(parent.level === 1 && parent.heading === headings[0]) ? parent.kind : undefined;
    let kind = parentKind ? kindInParent(heading.text, parentKind) : kindOfHeading(heading.text);
    const sibling = parentKind ? undefined : previousTop;
    // The kinds are compared first: most headings already are or cannot become timeline ones and need no timestamp test.
    if (kind !== 'timeline' && (parentKind === 'timeline' || sibling?.kind === 'timeline') && isTimestampHeading(heading.text)) kind = 'timeline';
    const section: Section = {
      heading,
      kind,
      level: heading.level,
      span: { start: heading.span.start, end: textEnd },
      ownContentSpan: { start: contentStart, end: Math.max(contentStart, ownEnd) },
      startLine: heading.line,
      endLine: heading.line,
      parent,
      children: [],
    };
    parent?.children.push(section);
    if (!parentKind) previousTop = section;
    sections.push(section);
    open.push(section);
  }
  closeUntil(0, textEnd);
  return sections;
}

function finish(lines: LineIndex, section: Section, end: number): void {
  const trimmed = Math.max(section.heading.span.start, trimEnd(lines, end));
  section.span.end = trimmed;
  section.endLine = lines.lineAt(Math.max(section.heading.span.start, trimmed - 1));
}

/** Offset just after the last non-blank character before `end`. */
function trimEnd(lines: LineIndex, end: number): number {
  let at = end;
  while (at > 0 && isRegexSpace(lines.text.charCodeAt(at - 1))) at--;
  return at;
}

/** The innermost section of every line, computed once (parents are listed before their children). */
export function sectionsByLine(lines: LineIndex, sections: Section[]): (Section | undefined)[] {
  const byLine: (Section | undefined)[] = new Array(lines.lineCount).fill(undefined);
  for (const section of sections) byLine.fill(section, section.startLine, section.endLine + 1);
  return byLine;
}
