import { parseIsoDate } from './model/dates';
import type { AnyRule, OptionSpec, Rule, RuleLevel } from './rules/rule';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_REQUIRED_SECTIONS, type LintSettings } from './settings';
import { DEFAULT_SEVERITY_SCALE } from './model/severity';

/** A rule's configuration: a level, `true`/`false`, or an object with an optional `level` and the rule's options. */
export type RuleConfig = RuleLevel | boolean | ({ level?: RuleLevel } & Record<string, unknown>);

/** The contents of `.postmortem-lint.json(c)` / `.yaml`: data only, nothing in it is ever executed. */
export interface PostmortemLintConfig {
  /** Levels and options by rule id or alias. */
  rules?: Record<string, RuleConfig>;
  /** Globs of files that are postmortems (replaces the defaults). */
  include?: string[];
  /** Globs of files never linted. */
  exclude?: string[];
  /** Severity levels, most severe first (default P0–P3). */
  severityScale?: string[];
  /** Section kinds required per severity level; `default` for all others. */
  requiredSections?: Record<string, string[]>;
  /** Extra blame phrases (plain words, not patterns). */
  blamePhrases?: string[];
  /** Extra vague action-item phrases (plain words, not patterns). */
  vaguePhrases?: string[];
  /** ISO date used as today (for overdue deadlines). */
  today?: string;
  /** Largest document linted, in characters. */
  maxFileSize?: number;
}

/** A configuration problem and the JSON path of the value it is about. */
export interface ConfigError {
  path: (string | number)[];
  message: string;
}

const LEVELS: RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off'];
const TOP_KEYS = ['$schema', 'rules', 'include', 'exclude', 'severityScale', 'requiredSections', 'blamePhrases', 'vaguePhrases', 'today', 'maxFileSize'];

/** The section kinds a `requiredSections` entry may name. */
export const SECTION_KIND_NAMES = [
  'summary', 'impact', 'timeline', 'rootCause', 'fiveWhys', 'contributingFactors', 'resolution', 'detection',
  'whatWentWell', 'whatWentWrong', 'whereWeGotLucky', 'actionItems', 'lessonsLearned', 'references', 'signOff',
];

/** Checks a parsed configuration against the rules it configures; returns every problem found. */
export function validateConfig(raw: unknown, rules: readonly AnyRule[]): ConfigError[] {
  const errors: ConfigError[] = [];
  if (!isObject(raw)) return [{ path: [], message: 'The configuration must be an object.' }];
  for (const key of Object.keys(raw)) if (!TOP_KEYS.includes(key)) errors.push({ path: [key], message: `Unknown setting "${key}".` });
  for (const key of ['include', 'exclude', 'severityScale', 'blamePhrases', 'vaguePhrases'] as const) {
    const value = raw[key];
    if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      errors.push({ path: [key], message: `"${key}" must be a list of strings.` });
    }
  }
  if (raw.today !== undefined && (typeof raw.today !== 'string' || !parseIsoDate(raw.today))) {
    errors.push({ path: ['today'], message: '"today" must be a date written YYYY-MM-DD.' });
  }
  if (raw.maxFileSize !== undefined && !(typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0)) {
    errors.push({ path: ['maxFileSize'], message: '"maxFileSize" must be a positive number.' });
  }
  if (raw.requiredSections !== undefined) {
    if (!isObject(raw.requiredSections)) errors.push({ path: ['requiredSections'], message: '"requiredSections" must map severity levels to lists of section kinds.' });
    else {
      for (const [level, kinds] of Object.entries(raw.requiredSections)) {
        if (!Array.isArray(kinds)) errors.push({ path: ['requiredSections', level], message: 'Must be a list of section kinds.' });
        else kinds.forEach((kind, k) => {
          if (!SECTION_KIND_NAMES.includes(kind as string)) errors.push({ path: ['requiredSections', level, k], message: `Unknown section kind "${String(kind)}"; use one of ${SECTION_KIND_NAMES.join(', ')}.` });
        });
      }
    }
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) errors.push({ path: ['rules'], message: '"rules" must be an object of rule ids or aliases.' });
    else for (const [name, value] of Object.entries(raw.rules)) errors.push(...validateRuleConfig(name, value, rules));
  }
  return errors;
}

function validateRuleConfig(name: string, value: unknown, rules: readonly AnyRule[]): ConfigError[] {
  const rule = findRule(rules, name);
  if (!rule) return [{ path: ['rules', name], message: `Unknown rule "${name}".` }];
  if (typeof value === 'boolean') return [];
  if (typeof value === 'string') return LEVELS.includes(value as RuleLevel) ? [] : [{ path: ['rules', name], message: `Level must be one of ${LEVELS.join(', ')}.` }];
  if (!isObject(value)) return [{ path: ['rules', name], message: 'Must be a level, true/false, or an object of options.' }];
  const errors: ConfigError[] = [];
  const specs = rule.options as Record<string, OptionSpec>;
  for (const [key, option] of Object.entries(value)) {
    const path = ['rules', name, key];
    if (key === 'level') {
      if (!LEVELS.includes(option as RuleLevel)) errors.push({ path, message: `Level must be one of ${LEVELS.join(', ')}.` });
      continue;
    }
    const spec = specs[key];
    if (!spec) {
      const known = Object.keys(specs);
      errors.push({ path, message: `Rule ${rule.id} has no option "${key}"${known.length ? ` (options: ${known.join(', ')})` : ''}.` });
      continue;
    }
    const problem = checkOption(option, spec);
    if (problem) errors.push({ path, message: `Option "${key}" of ${rule.id} ${problem}.` });
  }
  return errors;
}

function checkOption(value: unknown, spec: OptionSpec): string | undefined {
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return 'must be a number';
      if (spec.minimum !== undefined && value < spec.minimum) return `must be at least ${spec.minimum}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      return spec.enum && !spec.enum.includes(value) ? `must be one of ${spec.enum.join(', ')}` : undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be a list of strings';
    case 'record':
      return isObject(value) ? undefined : 'must be an object';
  }
}

/** Finds a rule by id or alias, case-insensitively. */
export function findRule<R extends AnyRule>(rules: readonly R[], name: string): R | undefined {
  const key = name.toLowerCase();
  return rules.find((rule) => rule.id.toLowerCase() === key || rule.alias === key);
}

/** The level and options one rule runs with under a configuration. */
export function resolveRule<O>(rule: Rule<O>, config: PostmortemLintConfig): { level: RuleLevel; options: O } {
  const options: Record<string, unknown> = {};
  const specs = rule.options as Record<string, OptionSpec>;
  for (const [key, spec] of Object.entries(specs)) options[key] = spec.default;
  let level: RuleLevel = rule.defaultLevel;
  const entries = Object.entries(config.rules ?? {}).filter(([name]) => {
    const key = name.toLowerCase();
    return key === rule.id.toLowerCase() || key === rule.alias;
  });
  for (const [, value] of entries) {
    if (value === false) level = 'off';
    else if (value === true) level = level === 'off' ? rule.defaultLevel : level;
    else if (typeof value === 'string') level = value;
    else if (isObject(value)) {
      for (const [key, option] of Object.entries(value)) {
        if (key === 'level') level = option as RuleLevel;
        // A record option (per-severity hours, say) overrides the default entry by entry.
        else if (specs[key]?.type === 'record' && isObject(option) && isObject(options[key])) options[key] = { ...(options[key] as object), ...option };
        else if (key in options) options[key] = option;
      }
    }
  }
  return { level, options: options as O };
}

/** Resolves the settings every rule reads; `today` falls back to the caller's date. */
export function resolveSettings(config: PostmortemLintConfig, today: string): LintSettings {
  return {
    today: config.today ?? today,
    severityScale: config.severityScale?.length ? config.severityScale : [...DEFAULT_SEVERITY_SCALE],
    blamePhrases: config.blamePhrases ?? [],
    vaguePhrases: config.vaguePhrases ?? [],
    requiredSections: { ...DEFAULT_REQUIRED_SECTIONS, ...(config.requiredSections ?? {}) },
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
}

/** Merges configurations, later ones winning; rule entries merge per rule. */
export function mergeConfigs(...configs: (PostmortemLintConfig | undefined)[]): PostmortemLintConfig {
  const merged: PostmortemLintConfig = {};
  for (const config of configs) {
    if (!config) continue;
    const { rules, ...rest } = config;
    Object.assign(merged, rest);
    if (rules) merged.rules = { ...(merged.rules ?? {}), ...rules };
  }
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
