import type { Span } from '../model/lineIndex';
import type { PostmortemDocument } from '../model/types';
import type { LintSettings } from '../settings';
import type { WorkspaceView } from '../workspace';

/** How a rule's problems are reported; `off` disables the rule. */
export type RuleLevel = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** The severity of one reported problem. */
export type ProblemSeverity = Exclude<RuleLevel, 'off'>;

/** Replace the text in `span` with `newText` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A named set of edits: applied by `--fix`, quick fixes and fix-all alike. */
export interface Fix {
  /** Shown as the quick fix's title. */
  title: string;
  edits: TextEdit[];
}

/** What a rule reports: where, what, and optionally how to fix it. */
export interface ReportedProblem {
  span: Span;
  message: string;
  /** A safe fix that `--fix` and fix-all apply without asking. */
  fix?: Fix;
  /** Alternatives a person chooses between (blameless rewrites); never applied automatically. */
  suggestions?: Fix[];
  /** Anything a feature needs later without parsing again. */
  data?: Record<string, unknown>;
  /**
   * A milder severity for this one problem (an informational note from a rule that otherwise reports errors).
   * Never makes a problem more severe than the level the rule is configured at.
   */
  severity?: ProblemSeverity;
}

/** Describes one rule option: its type, default and meaning (also written into the JSON Schema and docs). */
export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]' | 'record';
  default: unknown;
  description: string;
  minimum?: number;
  enum?: string[];
}

/** What a rule sees while it checks one document. */
export interface RuleContext<O> {
  doc: PostmortemDocument;
  /** The rule's options: defaults merged with the configuration. */
  options: O;
  settings: LintSettings;
  /** Other postmortems known to the caller (empty when linting one file alone). */
  workspace: WorkspaceView;
  /** Identifies the document among `workspace.incidents`. */
  uri: string;
  report(problem: ReportedProblem): void;
}

/** A lint rule: one file each under `rules/`, listed in order in `rules/index.ts`. */
export interface Rule<O = Record<string, unknown>> {
  /** Stable id, `PM001`. */
  id: string;
  /** Readable alias, `required-sections`; accepted wherever an id is. */
  alias: string;
  /** One line: what the rule reports. */
  description: string;
  /** `blame` marks every rule about blaming people; others: structure, action-items, timeline, security, process, workspace. */
  tags: string[];
  defaultLevel: ProblemSeverity;
  /** Whether any problem it reports carries a fix. */
  fixable: boolean;
  options: { [K in keyof O]: OptionSpec };
  check(context: RuleContext<O>): void;
}

/** Declares a rule with typed options. */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** A rule of any option type, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
