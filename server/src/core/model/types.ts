import type { LineIndex, Span } from './lineIndex';

/** Canonical meaning of a section heading, whatever words a team uses for it. */
export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'fiveWhys'
  | 'contributingFactors'
  | 'resolution'
  | 'detection'
  | 'whatWentWell'
  | 'whatWentWrong'
  | 'whereWeGotLucky'
  | 'actionItems'
  | 'lessonsLearned'
  | 'references'
  | 'signOff'
  | 'participants'
  | 'appendix'
  | 'other';

/** An ATX or Setext heading. */
export interface Heading {
  level: number;
  /** Heading text without markers, trimmed. */
  text: string;
  line: number;
  /** The heading's whole source (both lines for Setext). */
  span: Span;
  textSpan: Span;
}

/** A heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  kind: SectionKind;
  level: number;
  /** From the heading to the end of the section, subsections included. */
  span: Span;
  /** From after the heading to the first subsection heading (or the end). */
  ownContentSpan: Span;
  /** First and last line of the section (inclusive). */
  startLine: number;
  endLine: number;
  parent?: Section;
  children: Section[];
}

/** One cell of a Markdown table row. */
export interface TableCell {
  /** Cell text, trimmed. */
  text: string;
  /** Span of the trimmed text (empty span at the cell's middle when the cell is blank). */
  span: Span;
  /** Span between the surrounding pipes. */
  rawSpan: Span;
}

/** One row of a table (header, or body). */
export interface TableRow {
  line: number;
  span: Span;
  cells: TableCell[];
}

/** A pipe table. */
export interface Table {
  span: Span;
  startLine: number;
  endLine: number;
  header: TableRow;
  /** The `| --- | :-: |` line. */
  delimiter: TableRow;
  alignments: ('left' | 'center' | 'right' | 'none')[];
  rows: TableRow[];
  /** Innermost section the table is in. */
  section?: Section;
}

/** One list item; nested items are separate entries with a greater depth. */
export interface ListItem {
  line: number;
  /** The item's own lines (not its nested lists). */
  span: Span;
  ordered: boolean;
  depth: number;
  /** `[ ]` / `[x]` task box. */
  checkbox?: { checked: boolean; span: Span };
  /** Text after the marker and checkbox, own lines joined with spaces. */
  text: string;
  textSpan: Span;
  section?: Section;
  parent?: ListItem;
}

/** A `**Key:** value` style field (bold label, or a plain label for well-known keys). */
export interface HeaderField {
  /** Normalised key: lower case, single spaces, no trailing colon. */
  key: string;
  label: string;
  value: string;
  line: number;
  labelSpan: Span;
  /** Span of the trimmed value; empty span at line end when there is no value. */
  valueSpan: Span;
  section?: Section;
}

/** A parsed front-matter key with where it is. */
export interface FrontMatterEntry {
  key: string;
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
}

/** A problem found while parsing front matter. */
export interface FrontMatterError {
  message: string;
  span: Span;
}

/** The `---` YAML (or skipped `+++` TOML) block at the start of a document. */
export interface FrontMatter {
  kind: 'yaml' | 'toml';
  /** The whole block including fences; only the opening fence when the block never closes. */
  span: Span;
  /** Between the fences (to the end of the text when the block never closes). */
  contentSpan: Span;
  /** Whether the closing fence was found. */
  closed: boolean;
  /** Top-level mapping, when the YAML parsed to one. */
  data?: Record<string, unknown>;
  entries: FrontMatterEntry[];
  errors: FrontMatterError[];
}

/** Recognised action-item state. */
export type ActionItemStatus = 'done' | 'inProgress' | 'planned' | 'blocked' | 'wontDo';

/** Prevent / Detect / Mitigate / Learn. */
export type ActionItemCategory = 'prevent' | 'detect' | 'mitigate' | 'learn';

/** A value found in an action item together with where it is. */
export interface Located<T = string> {
  value: T;
  span: Span;
}

/** An action item's deadline. */
export interface Deadline extends Located {
  /** ISO `YYYY-MM-DD` when the value is a real calendar date. */
  date?: string;
  /** `Ongoing`, `continuous`... */
  ongoing: boolean;
  /** The value looks like a date but is not a real one (2026-02-30, 20202-01-16). */
  invalid: boolean;
  /** Empty or a placeholder (`TBD`, `?`, `-`, `YYYY-MM-DD`): no deadline was really given. */
  placeholder?: boolean;
  /** A period (`Q1 2026`, `March 2026`): `date` is its last day. */
  period?: boolean;
  /** Taken from the group the item is in ("Long-term (Q4 2025 - Q1 2026)"), not written on the item. */
  inherited?: boolean;
}

/** An action item's status. */
export interface StatusMark extends Located {
  /** Undefined when the value is not a known status. */
  normalized?: ActionItemStatus;
  /** For Blocked: the text that gives the reason, if any. */
  reason?: string;
  /** Taken from the group the item is in ("Immediate Actions (Completed)"), not written on the item. */
  inherited?: boolean;
}

/** A heading, bold label or group bullet that gathers action items and may say something about all of them. */
export interface ActionItemGroup {
  /** The heading or label text. */
  label: string;
  span: Span;
  category?: ActionItemCategory;
  status?: StatusMark;
  /** A time horizon for the whole group: "(Q4 2025 - Q1 2026)", "(Target: Q2 2024)". */
  deadline?: Deadline;
  /** A tracking issue for the whole group ("Follow along here"). */
  tracking?: Located;
  parent?: ActionItemGroup;
}

/** One follow-up task, from a table row, a checklist or a bullet. */
export interface ActionItem {
  line: number;
  span: Span;
  text: string;
  textSpan: Span;
  /** `paragraph` is a `**Action item:** …` line outside any list. */
  source: 'table' | 'checklist' | 'bullet' | 'numbered' | 'paragraph';
  /** Undefined when none is given or the value is a placeholder (`TBD`, `?`). */
  owner?: Located;
  /** Written on the item, or inherited from its group's time horizon. */
  deadline?: Deadline;
  status?: StatusMark;
  category?: ActionItemCategory;
  /** Where the category came from; `text` means guessed from the item's words. */
  categorySource?: 'column' | 'heading' | 'label' | 'text';
  /** Link to the issue, PR or ticket that tracks the item (its own, or its group's). */
  tracking?: Located;
  /** Innermost group the item is in. */
  group?: ActionItemGroup;
  /** The table row it came from. */
  row?: TableRow;
  table?: Table;
  listItem?: ListItem;
  section?: Section;
}

/** One event of the timeline. */
export interface TimelineEntry {
  line: number;
  span: Span;
  /** Where the time (and date) is written. */
  timeSpan: Span;
  rawTime: string;
  /** Minutes since midnight, 0..1439, when a clock time was read. */
  minutes?: number;
  /** ISO date when one was given on the entry, or on a day heading or dated entry above it. */
  date?: string;
  /** Where `date` came from: written on the entry, or carried down from a day heading or an earlier entry. */
  dateFrom?: 'entry' | 'day';
  /** The author marked the time as a guess: `~13:30`, `22:52 (maybe earlier?)`, `about 14:00`. */
  approximate?: boolean;
  /** Time zone written on the entry. */
  zone?: string;
  clock: '24h' | '12h' | 'none';
  text: string;
  source: 'table' | 'list' | 'heading' | 'line';
  row?: TableRow;
}

/** The timeline section and what was read from it. */
export interface Timeline {
  section: Section;
  entries: TimelineEntry[];
  /** Zone declared for the whole timeline: in its heading, a column header or a line such as "All times in UTC". */
  zone?: string;
  tables: Table[];
}

/** One question of a 5-whys chain. */
export interface Why {
  line: number;
  span: Span;
  question: string;
  answer: string;
  answerSpan?: Span;
}

/** The 5-whys analysis. */
export interface FiveWhys {
  section?: Section;
  whys: Why[];
}

/** The incident's severity as written, and where it falls on the configured scale. */
export interface SeverityMark extends Located {
  /** The scale entry it means (`P0`), when recognised. */
  level?: string;
  /** Position on the scale, 0 = most severe. */
  rank?: number;
  from: 'frontMatter' | 'field';
}

/** An HTML comment, kept for inline configuration. */
export interface HtmlComment {
  line: number;
  span: Span;
  body: string;
}

/** Everything the rules read about one postmortem, built by one parse. */
export interface PostmortemDocument {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  /** First level-1 heading, if any. */
  title?: Heading;
  headings: Heading[];
  /** Every section in document order (parents before children). */
  sections: Section[];
  tables: Table[];
  listItems: ListItem[];
  fields: HeaderField[];
  comments: HtmlComment[];
  /**
   * The text with everything that is not the author's prose blanked out with spaces (front matter, code,
   * HTML, block quotes of logs, inline code, URLs). Same length as `text`, line breaks kept, so offsets match.
   */
  prose: string;
  timeline?: Timeline;
  actionItems: ActionItem[];
  fiveWhys?: FiveWhys;
  rootCause?: Located;
  /** Severity from front matter or the Severity field. */
  severity?: SeverityMark;
  /** ISO incident date from front matter or the Incident Date field. */
  incidentDate?: Located;
  /** Offset of a code fence that never closes: anything inserted after it would be code, not Markdown. */
  openFenceStart?: number;
}
