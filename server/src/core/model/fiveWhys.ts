import type { Span } from './lineIndex';
import type { FiveWhys, ListItem, Section, Why } from './types';

const WHY_QUESTION = /^(?:\d+[.)])?(?:\s*(?:\*\*|__))?\s*(?:why\b|warum\b|pourquoi\b)/i;
/** One line of text and its break. */
const LINE = /([^\r\n]*)(?:\r\n|\r|\n|$)/y;
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;
/** Without a 5 Whys heading, a root-cause section needs this many why-questions to count as a 5-whys chain. */
const MIN_QUESTIONS_WITHOUT_HEADING = 2;

/**
 * Reads the 5-whys chain: "Why ...?" list items or paragraphs (the Rust crates.io postmortem writes each question
 * as a bold paragraph inside the previous answer's list item), each answered by what follows it up to the next
 * question. Read from the 5 Whys section, else from root-cause sections that ask at least two why-questions.
 */
export function readFiveWhys(prose: string, sections: Section[], listItems: ListItem[]): FiveWhys | undefined {
  const section = sections.find((s) => s.kind === 'fiveWhys');
  const scopes = section ? [section] : sections.filter((s) => s.kind === 'rootCause');
  if (scopes.length === 0) return undefined;
  const questions = findQuestions(prose, listItems, scopes);
  if (questions.length === 0 || (!section && questions.length < MIN_QUESTIONS_WITHOUT_HEADING)) {
    return section ? { section, whys: [] } : undefined;
  }
  const scopeEnd = Math.max(...scopes.map((s) => s.span.end));
  const whys: Why[] = questions.map((q, k) => {
    const { question, answerInline } = splitQuestion(q.text);
    const next = questions[k + 1]?.span.start ?? endOfAnswer(prose, q.span.end, scopeEnd);
    const following = prose.slice(q.span.end, Math.max(q.span.end, next));
    const answer = (answerInline || cleanAnswer(following)).trim();
    let answerSpan: Span | undefined;
    if (answer) {
      const from = answerInline ? q.textSpan.start + q.text.indexOf(answerInline) : q.span.end + following.indexOf(firstWord(answer));
      answerSpan = { start: from, end: Math.min(answerInline ? q.span.end : next, from + answer.length) };
    }
    return { line: q.line, span: q.span, question, answer, answerSpan };
  });
  return { section, whys };
}

/** A why-question with where it is. */
interface Question {
  line: number;
  span: Span;
  text: string;
  textSpan: Span;
}

function findQuestions(prose: string, listItems: ListItem[], scopes: Section[]): Question[] {
  const inScope = (offset: number) => scopes.some((s) => offset >= s.span.start && offset < s.span.end);
  const itemLines = new Set<number>();
  const questions: Question[] = [];
  for (const item of listItems) {
    if (!inScope(item.span.start)) continue;
    itemLines.add(item.line);
    if (WHY_QUESTION.test(item.text)) questions.push({ line: item.line, span: item.span, text: item.text, textSpan: item.textSpan });
  }
  for (const scope of scopes) {
    // The prose keeps the text's line breaks, so lines are counted from the section's first line.
    let line = scope.startLine;
    LINE.lastIndex = scope.span.start;
    for (let m = LINE.exec(prose); m && m.index < scope.span.end; m = LINE.exec(prose), line++) {
      if (m[0].length === 0 && m.index >= prose.length) break;
      const raw = m[1];
      // A question asks something: most lines have no `?` and need no more look.
      if (!raw.includes('?')) continue;
      const text = raw.trim();
      // A paragraph is a question only when it asks one: "Why this matters: ..." is prose.
      if (line === scope.startLine || itemLines.has(line) || !text || /^#{1,6}\s/.test(text)) continue;
      if (!WHY_QUESTION.test(text) || !text.includes('?')) continue;
      const start = m.index + raw.indexOf(text);
      const span = { start, end: start + text.length };
      questions.push({ line, span, text, textSpan: span });
    }
  }
  return questions.sort((a, b) => a.span.start - b.span.start);
}

function splitQuestion(text: string): { question: string; answerInline: string } {
  const mark = text.indexOf('?');
  if (mark < 0) return { question: text, answerInline: '' };
  const rest = text.slice(mark + 1).replace(/^[*_]+/, '').replace(/^\s*[-–—:]\s*/, '').trim();
  return { question: text.slice(0, mark + 1).replace(/^[*_]+/, ''), answerInline: rest };
}

/** The answer to the last question stops at a blank line followed by a non-list paragraph, or a root-cause field. */
function endOfAnswer(prose: string, from: number, scopeEnd: number): number {
  const tail = prose.slice(from, scopeEnd);
  const stop = /\n\s*\n(?![ \t]*(?:[-*+]|\d+[.)])\s)|\*\*root cause/i.exec(tail);
  return stop ? from + stop.index : scopeEnd;
}

function cleanAnswer(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(LIST_MARKER, '').trim())
    .filter(Boolean)
    .join(' ');
}

function firstWord(text: string): string {
  return text.split(/\s+/)[0] ?? text;
}
