import { mergeConfigs, resolveRule, resolveSettings, type PostmortemLintConfig } from './config';
import { applyFixes } from './fix/applyFixes';
import { todayIso } from './model/dates';
import type { Position, Span } from './model/lineIndex';
import { parsePostmortem } from './model/parse';
import type { PostmortemDocument } from './model/types';
import type { AnyRule, Fix, ProblemSeverity, ReportedProblem } from './rules/rule';
import { rules as defaultRules } from './rules/index';
import type { LintSettings } from './settings';
import { Suppressions } from './suppress';
import { EMPTY_WORKSPACE, type WorkspaceView } from './workspace';

/** What a caller passes to `lint`. */
export interface LintOptions {
  config?: PostmortemLintConfig;
  /** Identifies the document in `workspace`. */
  uri?: string;
  workspace?: WorkspaceView;
  /** Today's ISO date, when the configuration does not fix one. */
  today?: string;
  /** Rules to run, in order (the registry by default). */
  rules?: readonly AnyRule[];
}

/** One problem, ready for any output: stylish, JSON, SARIF, LSP. */
export interface LintProblem {
  ruleId: string;
  ruleName: string;
  tags: string[];
  severity: ProblemSeverity;
  message: string;
  span: Span;
  /** Zero-based, UTF-16 characters. */
  range: { start: Position; end: Position };
  fix?: Fix;
  suggestions?: Fix[];
  data?: Record<string, unknown>;
}

/** The outcome of linting one text. */
export interface LintResult {
  /** Absent when the document was not linted (see `notice`). */
  document?: PostmortemDocument;
  problems: LintProblem[];
  /** Why the document was not linted, when it was not. */
  notice?: string;
}

/** The pseudo-rule that reports a rule which threw. */
export const INTERNAL_ERROR = { id: 'PM000', alias: 'internal-error' };

/** A text parsed with its configuration resolved, ready to lint (or the reason it will not be). */
export interface PreparedDocument {
  document?: PostmortemDocument;
  notice?: string;
  config: PostmortemLintConfig;
  settings: LintSettings;
}

/**
 * Merged configurations and resolved rule settings, kept per configuration object: the server and the CLI
 * pass the same object for every lint of a file, and resolving 25 rules' options each time showed in
 * profiles. Configurations are data that nobody mutates after loading.
 */
const mergedConfigs = new WeakMap<PostmortemLintConfig, PostmortemLintConfig>();
const resolvedRules = new WeakMap<PostmortemLintConfig, Map<AnyRule, ReturnType<typeof resolveRule>>>();
const NO_CONFIG: PostmortemLintConfig = {};

function merged(config: PostmortemLintConfig = NO_CONFIG): PostmortemLintConfig {
  let out = mergedConfigs.get(config);
  if (!out) mergedConfigs.set(config, (out = mergeConfigs(config)));
  return out;
}

function resolved(rule: AnyRule, config: PostmortemLintConfig): ReturnType<typeof resolveRule> {
  let byRule = resolvedRules.get(config);
  if (!byRule) resolvedRules.set(config, (byRule = new Map()));
  let out = byRule.get(rule);
  if (!out) byRule.set(rule, (out = resolveRule(rule, config)));
  return out;
}

/** Resolves the configuration and parses the text once (unless it is over the size limit). */
export function prepare(text: string, options: LintOptions = {}): PreparedDocument {
  const config = merged(options.config);
  const settings = resolveSettings(config, options.today ?? todayIso());
  if (text.length > settings.maxFileSize) {
    return {
      config,
      settings,
      notice: `Not linted: ${text.length.toLocaleString('en-US')} characters is over the ${settings.maxFileSize.toLocaleString('en-US')} character limit (setting "maxFileSize").`,
    };
  }
  return { config, settings, document: parsePostmortem(text, { severityScale: settings.severityScale }) };
}

/** Runs the rules over a prepared document. */
export function lintPrepared(prepared: PreparedDocument, options: LintOptions = {}): LintResult {
  if (!prepared.document) return { problems: [], notice: prepared.notice };
  return { document: prepared.document, problems: runRules(prepared.document, prepared.config, prepared.settings, options) };
}

/** Parses once and runs every enabled rule; never throws for any text. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintPrepared(prepare(text, options), options);
}

/** Runs the rules over a parsed document. */
export function runRules(
  doc: PostmortemDocument,
  config: PostmortemLintConfig,
  settings: LintSettings,
  options: LintOptions = {},
): LintProblem[] {
  const suppressions = new Suppressions(doc.comments);
  const problems: LintProblem[] = [];
  const length = doc.text.length;
  for (const rule of options.rules ?? defaultRules) {
    const { level, options: ruleOptions } = resolved(rule, config);
    if (level === 'off') continue;
    const report = (problem: ReportedProblem) => {
      const span = clamp(problem.span, length);
      const line = doc.lines.lineAt(span.start);
      if (!suppressions.isEmpty && suppressions.isSuppressed(rule.id, rule.alias, line)) return;
      problems.push({
        ruleId: rule.id,
        ruleName: rule.alias,
        tags: rule.tags,
        severity: milder(level, problem.severity),
        message: problem.message,
        span,
        range: { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) },
        fix: problem.fix,
        suggestions: problem.suggestions,
        data: problem.data,
      });
    };
    try {
      rule.check({ doc, options: ruleOptions, settings, workspace: options.workspace ?? EMPTY_WORKSPACE, uri: options.uri ?? '', report });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({
        ruleId: INTERNAL_ERROR.id,
        ruleName: INTERNAL_ERROR.alias,
        tags: ['internal'],
        severity: 'error',
        message: `Rule ${rule.id} (${rule.alias}) failed on this document and was skipped: ${reason}. Please report it.`,
        span: { start: 0, end: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return problems.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

const SEVERITY_ORDER: ProblemSeverity[] = ['error', 'warning', 'info', 'hint'];

/** The milder of the rule's configured level and a problem's own severity. */
function milder(level: ProblemSeverity, own: ProblemSeverity | undefined): ProblemSeverity {
  return own && SEVERITY_ORDER.indexOf(own) > SEVERITY_ORDER.indexOf(level) ? own : level;
}

function clamp(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

/** The outcome of fixing a text. */
export interface FixResult {
  text: string;
  /** Fixes applied over all passes. */
  fixed: number;
  /** The problems left after the last pass. */
  result: LintResult;
}

/** Applies every safe fix, re-linting between passes until nothing changes (at most `maxPasses`). */
export function fixText(text: string, options: LintOptions = {}, maxPasses = 10): FixResult {
  let current = text;
  let fixed = 0;
  let result = lint(current, options);
  for (let pass = 0; pass < maxPasses && result.document; pass++) {
    const fixes = result.problems.flatMap((p) => (p.fix ? [p.fix] : []));
    if (fixes.length === 0) break;
    const applied = applyFixes(current, fixes);
    if (applied.applied === 0 || applied.text === current) break;
    current = applied.text;
    fixed += applied.applied;
    result = lint(current, options);
  }
  return { text: current, fixed, result };
}
