import type { HtmlComment } from './model/types';

const DIRECTIVE = /^postmortem-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$/s;

/** One inline directive, with the rules it names (empty: all rules). */
interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';
  line: number;
  rules: string[];
}

/** Answers whether a rule is switched off at a line by `<!-- postmortem-lint-... -->` comments. */
export class Suppressions {
  private readonly directives: Directive[];

  constructor(comments: HtmlComment[]) {
    this.directives = [];
    for (const comment of comments) {
      const m = DIRECTIVE.exec(comment.body);
      if (!m) continue;
      const rules = m[2].split(/[\s,]+/).map((r) => r.trim().toLowerCase()).filter(Boolean);
      this.directives.push({ kind: m[1] as Directive['kind'], line: comment.line, rules });
    }
  }

  get isEmpty(): boolean {
    return this.directives.length === 0;
  }

  /** Whether the rule (by id or alias) is disabled on a zero-based line. */
  isSuppressed(ruleId: string, alias: string, line: number): boolean {
    const names = [ruleId.toLowerCase(), alias];
    const named = (d: Directive) => d.rules.length === 0 || d.rules.some((r) => names.includes(r));
    let disabled = false;
    for (const d of this.directives) {
      if (!named(d)) continue;
      if (d.kind === 'disable-file') return true;
      if (d.kind === 'disable-line' && d.line === line) return true;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.line > line) continue;
      if (d.kind === 'disable') disabled = true;
      else if (d.kind === 'enable') disabled = false;
    }
    return disabled;
  }
}
