import { DEFAULT_SEVERITY_SCALE } from './model/severity';

/** Settings every rule may read, resolved from the configuration and the caller's options. */
export interface LintSettings {
  /** ISO date that counts as today for deadlines (fixed in tests and CI with `today`). */
  today: string;
  /** Severity levels, most severe first. */
  severityScale: string[];
  /** Extra blame phrases from the configuration: plain words, matched case-insensitively on word boundaries. */
  blamePhrases: string[];
  /** Extra vague action-item phrases from the configuration: plain words. */
  vaguePhrases: string[];
  /** Section kinds required for each severity level; key `default` applies to every level and to unknown severity. */
  requiredSections: Record<string, string[]>;
  /** Documents larger than this many characters are not linted. */
  maxFileSize: number;
}

/** Sections every postmortem needs, and the extra ones a P0 or P1 needs. */
export const DEFAULT_REQUIRED_SECTIONS: Record<string, string[]> = {
  default: ['summary', 'timeline', 'rootCause', 'actionItems'],
  P0: ['summary', 'timeline', 'rootCause', 'fiveWhys', 'whatWentWell', 'whatWentWrong', 'actionItems'],
  P1: ['summary', 'timeline', 'rootCause', 'fiveWhys', 'whatWentWell', 'whatWentWrong', 'actionItems'],
};

/** 5 MB, counted in characters. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** Settings with every value at its default; `today` is the real date. */
export function defaultSettings(today: string): LintSettings {
  return {
    today,
    severityScale: [...DEFAULT_SEVERITY_SCALE],
    blamePhrases: [],
    vaguePhrases: [],
    requiredSections: DEFAULT_REQUIRED_SECTIONS,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}
