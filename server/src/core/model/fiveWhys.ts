import type { FiveWhys, ListItem, Section, Why } from './types';

const WHY_QUESTION = /^(?:\d+[.)]\s*)?(?:\*\*|__)?\s*(?:why\b|warum\b|pourquoi\b)/i;

/** Reads the 5-whys chain: "Why ...?" items, each answered by what follows it up to the next question. */
export function readFiveWhys(prose: string, sections: Section[], listItems: ListItem[]): FiveWhys | undefined {
  const section = sections.find((s) => s.kind === 'fiveWhys');
  const scopes = section ? [section] : sections.filter((s) => s.kind === 'rootCause');
  if (scopes.length === 0) return undefined;
  const inScope = (offset: number) => scopes.some((s) => offset >= s.span.start && offset < s.span.end);
  const questions = listItems.filter((item) => inScope(item.span.start) && WHY_QUESTION.test(item.text));
  if (questions.length === 0) return section ? { section, whys: [] } : undefined;
  const scopeEnd = Math.max(...scopes.map((s) => s.span.end));
  const whys: Why[] = questions.map((item, k) => {
    const { question, answerInline } = splitQuestion(item.text);
    const answerStart = answerInline ? item.textSpan.start + item.text.indexOf(answerInline) : item.span.end;
    const next = questions[k + 1]?.span.start ?? endOfAnswer(prose, item.span.end, scopeEnd);
    const answerText = answerInline || cleanAnswer(prose.slice(item.span.end, next));
    const answer = answerText.trim();
    let answerSpan;
    if (answer) {
      const from = answerInline ? answerStart : item.span.end + prose.slice(item.span.end, next).indexOf(firstWord(answer));
      answerSpan = { start: from, end: Math.min(next, from + answer.length) };
    }
    return { line: item.line, span: item.span, question, answer, answerSpan };
  });
  return { section, whys };
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
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
    .join(' ');
}

function firstWord(text: string): string {
  return text.split(/\s+/)[0] ?? text;
}
