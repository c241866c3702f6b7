import MarkdownIt from 'markdown-it';
import { useLineScannedState } from './lineScannedState';
import { useTableExtentRule } from './tableExtentRule';
import type { LineIndex, Span } from './lineIndex';
import type { Heading, HtmlComment, ListItem } from './types';
import { isRegexSpace, skipRegexSpaces } from './whitespace';

/**
 * Only the block phase of markdown-it runs: every rule reads block structure and source text, and skipping
 * the inline phase halves parse time and avoids its worst cases (long runs of `*` or `_`).
 */
const markdown = new MarkdownIt({ html: true });
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
useLineScannedState(markdown);
// Tables are read from the source (`tables.ts`): the parse needs only where each one starts and ends.
useTableExtentRule(markdown);
// markdown-it's own normalize rewrites every newline of the text with a regex; most documents have no `\r`
// and no NUL, and then there is nothing to normalise.
markdown.core.ruler.at('normalize', (state) => {
  if (state.src.indexOf('\r') >= 0) state.src = state.src.replace(/\r\n?/g, '\n');
  if (state.src.indexOf('\0') >= 0) state.src = state.src.replace(/\0/g, '\uFFFD');
});

/** Block structure read from one markdown-it parse. */
export interface BlockStructure {
  headings: Heading[];
  /** [startLine, endLine) of each pipe table outside block quotes. */
  tableLines: [number, number][];
  listItems: ListItem[];
  /** Line ranges [start, end) whose text is not prose: code, HTML blocks, block quotes. */
  nonProseLines: [number, number][];
  comments: HtmlComment[];
  /** Offset of a code fence that is never closed and so runs to the end of the text. */
  openFenceStart?: number;
}

/** Parses `source` into its block structure, from `firstLine` on (the lines before hold the front matter). */
export function parseBlocks(source: string, lines: LineIndex, firstLine = 0): BlockStructure {
  const tokens = markdown.parse(source, { firstLine });
  const headings: Heading[] = [];
  const tableLines: [number, number][] = [];
  const listItems: ListItem[] = [];
  const nonProseLines: [number, number][] = [];
  const comments: HtmlComment[] = [];
  const itemStack: { item: ListItem | undefined; ordered: boolean }[] = [];
  const listStack: boolean[] = [];
  let quoteDepth = 0;
  let openFenceStart: number | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const map = token.map;
    switch (token.type) {
      case 'heading_open': {
        if (!map || quoteDepth > 0) break;
        // Several lines of text over `---` is a paragraph followed by a rule that lacks a blank line, not a
        // heading: the template's header fields are written that way, and no one means a three-line heading.
        if (token.markup === '-' && map[1] - map[0] > 2) break;
        const inline = tokens[i + 1];
        const level = Number(token.tag.slice(1));
        headings.push(makeHeading(lines, map, level, token.markup, inline?.content ?? ''));
        break;
      }
      case 'table_open':
        if (map && quoteDepth === 0) tableLines.push([map[0], map[1]]);
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listStack.push(token.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        break;
      case 'list_item_open': {
        const ordered = listStack[listStack.length - 1] ?? false;
        const parent = itemStack[itemStack.length - 1]?.item;
        let item: ListItem | undefined;
        if (map && quoteDepth === 0) {
          item = makeListItem(lines, map[0], tokens[i + 1]?.type === 'paragraph_open' ? tokens[i + 1].map : undefined, ordered, listStack.length - 1, parent);
          listItems.push(item);
        }
        itemStack.push({ item, ordered });
        break;
      }
      case 'list_item_close':
        itemStack.pop();
        break;
      case 'blockquote_open':
        if (map && quoteDepth === 0) nonProseLines.push([map[0], map[1]]);
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'fence':
        if (map && atEnd(lines, map[1]) && !closesFence(lines.lineText(map[1] - 1), token.markup, map[1] - map[0])) {
          openFenceStart = lines.lineStarts[map[0]];
        }
        if (map) nonProseLines.push([map[0], map[1]]);
        break;
      case 'code_block':
        if (map) nonProseLines.push([map[0], map[1]]);
        break;
      case 'html_block':
        if (map) {
          nonProseLines.push([map[0], map[1]]);
          collectComments(lines, map, comments);
        }
        break;
      default:
        break;
    }
  }
  return { headings, tableLines, listItems, nonProseLines, comments, openFenceStart };
}

/** Whether only blank lines follow line `line` (markdown-it does not count the empty line after a final break). */
function atEnd(lines: LineIndex, line: number): boolean {
  return line >= lines.lineCount || lines.text.slice(lines.lineStarts[line]).trim() === '';
}

/** Whether the last line of a fence token (of `lineCount` lines) is its closing fence. */
function closesFence(last: string, markup: string, lineCount: number): boolean {
  const trimmed = last.trim();
  return lineCount > 1 && trimmed.length >= markup.length && trimmed.startsWith(markup) && trimmed.split('').every((ch) => ch === markup[0]);
}

function makeHeading(lines: LineIndex, map: [number, number], level: number, markup: string, content: string): Heading {
  const line = map[0];
  const lastLine = map[1] - 1;
  const span = { start: lines.lineStarts[line], end: lines.lineEnds[lastLine] };
  const text = content.trim();
  const lineText = lines.lineText(line);
  let textStart: number;
  if (markup.startsWith('#')) {
    const at = lineText.indexOf(text);
    textStart = at >= 0 ? span.start + at : span.start + lineText.length;
  } else {
    textStart = span.start + (lineText.length - lineText.trimStart().length);
  }
  return { level, text, line, span, textSpan: { start: textStart, end: Math.min(textStart + text.length, lines.lineEnds[line]) } };
}

function makeListItem(
  lines: LineIndex,
  line: number,
  paragraphMap: [number, number] | null | undefined,
  ordered: boolean,
  depth: number,
  parent: ListItem | undefined,
): ListItem {
  const lastLine = paragraphMap ? Math.max(line, paragraphMap[1] - 1) : line;
  const lineStart = lines.lineStarts[line];
  const prefix = readItemPrefix(lines.text, lineStart, lines.lineEnds[line]);
  let checkbox: ListItem['checkbox'];
  if (prefix.box >= 0) checkbox = { checked: prefix.checked, span: { start: prefix.box, end: prefix.box + 3 } };
  const textStart = prefix.end;
  const end = lines.lineEnds[lastLine];
  // The item's lines, each trimmed, joined by single spaces; empty lines are left out.
  let text = lines.text.slice(textStart, lines.lineEnds[line]).trim();
  for (let l = line + 1; l <= lastLine; l++) {
    const part = lines.lineText(l).trim();
    if (part) text = text ? `${text} ${part}` : part;
  }
  return {
    line,
    span: { start: lineStart, end },
    ordered,
    depth,
    checkbox,
    text,
    textSpan: { start: Math.min(textStart, end), end },
    parent,
  };
}

/** Where an item's marker ends and its `[ ]`/`[x]` box starts (`box` is -1 without one). */
interface ItemPrefix {
  end: number;
  box: number;
  checked: boolean;
}

/**
 * Reads the marker of the item line text[start, lineEnd): what `^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)(\[([ x])\](?=\s|$)\s*)?`
 * (case-insensitive) matches, scanned by character codes since it runs for every list item. Without a marker
 * the prefix is empty (`end` is `start`).
 */
function readItemPrefix(text: string, start: number, lineEnd: number): ItemPrefix {
  const none: ItemPrefix = { end: start, box: -1, checked: false };
  let at = skipRegexSpaces(text, start, lineEnd);
  const c = text.charCodeAt(at);
  if (at < lineEnd && (c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */) {
    at++;
  } else {
    const digits = at;
    while (at < lineEnd && at - digits < 10 && isDigit(text.charCodeAt(at))) at++;
    const d = text.charCodeAt(at);
    if (at === digits || at - digits > 9 || at >= lineEnd || (d !== 46 /* . */ && d !== 41) /* ) */) return none;
    at++;
  }
  const afterMarker = at;
  at = skipRegexSpaces(text, at, lineEnd);
  if (at === afterMarker && at < lineEnd) return none;
  // `[ ]` or `[x]`, then a space or the end of the line.
  const x = text.charCodeAt(at + 1);
  if (
    at + 3 <= lineEnd &&
    text.charCodeAt(at) === 91 /* [ */ &&
    (x === 32 || x === 120 /* x */ || x === 88) /* X */ &&
    text.charCodeAt(at + 2) === 93 /* ] */ &&
    (at + 3 === lineEnd || isRegexSpace(text.charCodeAt(at + 3)))
  ) {
    return { end: skipRegexSpaces(text, at + 3, lineEnd), box: at, checked: x !== 32 };
  }
  return { end: at, box: -1, checked: false };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Comments of an HTML block, found with indexOf: a lazy regex would go quadratic on many unclosed `<!--`. */
function collectComments(lines: LineIndex, map: [number, number], comments: HtmlComment[]): void {
  const start = lines.lineStarts[map[0]];
  const end = lines.lineEnds[map[1] - 1];
  const text = lines.text;
  for (let open = text.indexOf('<!--', start); open >= 0 && open < end; ) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0 || close + 3 > end) return;
    const span: Span = { start: open, end: close + 3 };
    comments.push({ line: lines.lineAt(open), span, body: text.slice(open + 4, close).trim() });
    open = text.indexOf('<!--', close + 3);
  }
}
