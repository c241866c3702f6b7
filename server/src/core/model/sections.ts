import type { LineIndex } from './lineIndex';
import { isTimestampHeading, kindInParent, kindOfHeading } from './sectionKinds';
import type { Heading, Section } from './types';

/** Builds the section tree from the headings, giving each section its canonical kind. */
export function buildSections(lines: LineIndex, headings: Heading[]): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  const textEnd = lines.text.length;
  let previousTop: Section | undefined;
  for (let k = 0; k < headings.length; k++) {
    const heading = headings[k];
    while (stack.length && stack[stack.length - 1].level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    const nextAny = headings[k + 1];
    let end = textEnd;
    for (let j = k + 1; j < headings.length; j++) {
      if (headings[j].level <= heading.level) {
        end = headings[j].span.start;
        break;
      }
    }
    const ownEnd = nextAny ? nextAny.span.start : textEnd;
    const contentStart = Math.min(heading.span.end + 1, ownEnd);
    // A title H1 does not give its kind to the document's sections.
    const parentKind = parent && !(parent.level === 1 && parent.heading === headings[0]) ? parent.kind : undefined;
    let kind = parentKind ? kindInParent(heading.text, parentKind) : kindOfHeading(heading.text);
    const sibling = parentKind ? undefined : previousTop;
    if (isTimestampHeading(heading.text) && (parentKind === 'timeline' || sibling?.kind === 'timeline')) kind = 'timeline';
    const section: Section = {
      heading,
      kind,
      level: heading.level,
      span: { start: heading.span.start, end: trimEnd(lines, end) },
      ownContentSpan: { start: contentStart, end: Math.max(contentStart, ownEnd) },
      startLine: heading.line,
      endLine: lines.lineAt(Math.max(heading.span.start, trimEnd(lines, end) - 1)),
      parent,
      children: [],
    };
    parent?.children.push(section);
    if (!parentKind) previousTop = section;
    sections.push(section);
    stack.push(section);
  }
  return sections;
}

/** Offset just after the last non-blank character before `end`. */
function trimEnd(lines: LineIndex, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(lines.text[at - 1])) at--;
  return at;
}

/** The innermost section containing an offset. */
export function sectionAt(sections: Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (offset >= s.span.start && offset <= s.span.end && (!found || s.level >= found.level)) found = s;
  return found;
}
