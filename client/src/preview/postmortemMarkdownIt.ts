import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

/** Options of the postmortem preview plugin. */
export interface PostmortemPreviewOptions {
  /** Today as YYYY-MM-DD for overdue deadlines; a function is read on every render. Defaults to the UTC date. */
  today?: string | (() => string | undefined);
}

/** Class of each chip, keyed by what matched; only these fixed names ever reach the HTML. */
const STATUS_CLASS = { done: 'pm-status-done', progress: 'pm-status-in-progress', planned: 'pm-status-planned', blocked: 'pm-status-blocked' } as const;

/** Status markers and severities written anywhere in text. */
const CHIP =
  /(?<done>✅\uFE0F?[ \t]*Done\b|(?<![\w-])DONE(?![\w-])|\([Dd]one\))|(?<progress>🔄\uFE0F?[ \t]*In[ \t]+[Pp]rogress\b)|(?<planned>📅\uFE0F?[ \t]*Planned\b)|(?<blocked>🚫\uFE0F?[ \t]*Blocked\b)|(?<![\w-])(?<p>P[0-3])(?![\w-])|(?<![\w-])(?<sev>(?:SEV|Sev)-?[1-4])(?![\w-])/g;
/** A severity word, recognised only after a Severity label or in a Severity column. */
const SEVERITY_WORD = /^(:?[ \t]*)(Critical|High|Medium|Low)\b/;
/** A plain status word filling a Status cell. */
const STATUS_WORD = /^([ \t]*)(done|in[ -]progress|planned|blocked)\b/i;
const ISO_DATE = /(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])/g;
const DUE_DATE = /\b(?:due|deadline)[ \t]*(?::[ \t]*)?(\d{4})-(\d{2})-(\d{2})(?![\w-])/gi;
/** Text that marks an action item as finished, wherever it is written on the row or line. */
const DONE_MARK = /✅|(?<![\w-])DONE(?![\w-])|\([Dd]one\)|^\s*\[[xX]\]/;
const DONE_STATUS = /^\s*(?:✅|\[x\]|(?:done|closed|complete|completed|resolved|fixed)\b)/i;

/** One piece of a text token after the plugin split it. */
type Piece = { kind: 'text'; text: string } | { kind: 'chip'; text: string; className: string } | { kind: 'overdue'; text: string; days: number };

/** What the surrounding block says about a run of inline text. */
interface Context {
  today: string;
  severityColumn: boolean;
  statusColumn: boolean;
  /** Every ISO date here is a deadline (a Deadline cell of an unfinished row). */
  deadlineCell: boolean;
  /** Dates after "due:" are deadlines (prose or list text that is not marked done). */
  dueDates: boolean;
}

/** A markdown-it plugin that shows statuses and severities as chips and highlights overdue deadlines. */
export function postmortemMarkdownIt(md: MarkdownIt, options: PostmortemPreviewOptions = {}): void {
  const escape = md.utils.escapeHtml;
  md.core.ruler.push('postmortem_chips', (state: StateCore) => {
    const today = readToday(options);
    decorate(state, today);
  });
  md.renderer.rules.pm_chip = (tokens, idx) => `<span class="pm-chip ${escape(String(tokens[idx].meta.className))}">${escape(tokens[idx].content)}</span>`;
  md.renderer.rules.pm_overdue = (tokens, idx) => {
    const days = Number(tokens[idx].meta.days);
    return `<span class="pm-overdue" title="${days} ${days === 1 ? 'day' : 'days'} overdue">${escape(tokens[idx].content)}</span>`;
  };
}

function readToday(options: PostmortemPreviewOptions): string {
  const value = typeof options.today === 'function' ? options.today() : options.today;
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date().toISOString().slice(0, 10);
}

function decorate(state: StateCore, today: string): void {
  const tokens = state.tokens;
  let header: string[] = [];
  let inHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'thead_open') {
      inHead = true;
      header = [];
    } else if (token.type === 'thead_close') {
      inHead = false;
    } else if (inHead && token.type === 'inline') {
      header.push(token.content.trim().toLowerCase());
    } else if (token.type === 'tr_open' && !inHead) {
      i = decorateRow(state, i, header, today);
    } else if (token.type === 'inline') {
      const base = { today, severityColumn: false, statusColumn: false, deadlineCell: false };
      decorateInline(state, token, { ...base, dueDates: !DONE_MARK.test(token.content) });
    }
  }
}

/** Decorates the cells of the body row opened at `start`; returns the index of its `tr_close`. */
function decorateRow(state: StateCore, start: number, header: string[], today: string): number {
  const cells: Token[] = [];
  let end = start + 1;
  for (; end < state.tokens.length && state.tokens[end].type !== 'tr_close'; end++) {
    if (state.tokens[end].type === 'inline') cells.push(state.tokens[end]);
  }
  const statusIndex = header.findIndex((h) => h === 'status' || h === 'state');
  const done = statusIndex >= 0 && cells[statusIndex] ? DONE_STATUS.test(cells[statusIndex].content) : cells.some((c) => DONE_MARK.test(c.content));
  cells.forEach((cell, column) => {
    const name = header[column] ?? '';
    decorateInline(state, cell, {
      today,
      severityColumn: /^(?:severity|sev|priority)$/.test(name),
      statusColumn: column === statusIndex,
      deadlineCell: !done && /^(?:deadline|due|due date|target date|target|eta)$/.test(name),
      dueDates: !done,
    });
  });
  return end;
}

function decorateInline(state: StateCore, inline: Token, context: Context): void {
  if (!inline.children) return;
  const out: Token[] = [];
  let before = '';
  let first = true;
  for (const child of inline.children) {
    if (child.type !== 'text') {
      out.push(child);
      // Markup and line breaks separate words: "28min" + "Severity:" must not read as one word.
      before += child.type === 'code_inline' ? child.content : ' ';
      continue;
    }
    const labelled = context.severityColumn && first ? true : /\bseverity\**:?[ \t]*$/i.test(before);
    for (const piece of split(child.content, context, labelled, context.statusColumn && first)) {
      out.push(pieceToken(state, piece));
    }
    before += child.content;
    first = false;
  }
  inline.children = out;
}

/** Splits one text token's content into plain text, chips and overdue dates. */
function split(text: string, context: Context, severityWordAllowed: boolean, statusWordAllowed: boolean): Piece[] {
  const pieces: Piece[] = [];
  let rest = text;
  const word = (severityWordAllowed && SEVERITY_WORD.exec(rest)) || undefined;
  if (word) {
    if (word[1]) pieces.push({ kind: 'text', text: word[1] });
    pieces.push({ kind: 'chip', text: word[2], className: `pm-severity-${word[2].toLowerCase()}` });
    rest = rest.slice(word[0].length);
  } else if (statusWordAllowed) {
    const status = STATUS_WORD.exec(rest);
    if (status) {
      const key = status[2].toLowerCase().startsWith('in') ? 'progress' : (status[2].toLowerCase() as 'done' | 'planned' | 'blocked');
      if (status[1]) pieces.push({ kind: 'text', text: status[1] });
      pieces.push({ kind: 'chip', text: status[2], className: STATUS_CLASS[key] });
      rest = rest.slice(status[0].length);
    }
  }
  const marks: { start: number; end: number; piece: Piece }[] = [];
  for (const m of rest.matchAll(CHIP)) {
    const groups = m.groups ?? {};
    const key = (['done', 'progress', 'planned', 'blocked'] as const).find((k) => groups[k]);
    const className = key ? STATUS_CLASS[key] : `pm-severity-${(groups.p ?? groups.sev).toLowerCase().replace('-', '')}`;
    marks.push({ start: m.index, end: m.index + m[0].length, piece: { kind: 'chip', text: m[0], className } });
  }
  const dates = context.deadlineCell ? ISO_DATE : context.dueDates ? DUE_DATE : undefined;
  if (dates) {
    for (const m of rest.matchAll(dates)) {
      const iso = `${m[1]}-${m[2]}-${m[3]}`;
      const days = daysBetween(iso, context.today);
      if (days === undefined || days <= 0) continue;
      const start = m.index + m[0].length - iso.length;
      marks.push({ start, end: start + iso.length, piece: { kind: 'overdue', text: iso, days } });
    }
  }
  marks.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) pieces.push({ kind: 'text', text: rest.slice(at, mark.start) });
    pieces.push(mark.piece);
    at = mark.end;
  }
  if (at < rest.length) pieces.push({ kind: 'text', text: rest.slice(at) });
  return pieces;
}

/** Whole days from `date` to `today`; undefined when `date` is not a real calendar date. */
function daysBetween(date: string, today: string): number | undefined {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) return undefined;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - time) / 86_400_000);
}

function pieceToken(state: StateCore, piece: Piece): Token {
  const token = new state.Token(piece.kind === 'text' ? 'text' : piece.kind === 'chip' ? 'pm_chip' : 'pm_overdue', piece.kind === 'text' ? '' : 'span', 0);
  token.content = piece.text;
  if (piece.kind === 'chip') token.meta = { className: piece.className };
  if (piece.kind === 'overdue') token.meta = { days: piece.days };
  return token;
}
