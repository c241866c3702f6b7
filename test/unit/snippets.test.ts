import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lint } from '../../server/src/core/engine';
import { expandSnippet } from '../helpers/snippetExpansion';

/** One entry of a `.code-snippets` file. */
interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const file = join(__dirname, '..', '..', '..', 'snippets', 'postmortem.code-snippets');
/** The editor's clock when the snippets are expanded. */
const NOW: Record<string, string> = {
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '15',
  CURRENT_HOUR: '09',
  CURRENT_MINUTE: '05',
  CURRENT_TIMEZONE_OFFSET: '+00:00',
};

function loadSnippets(): Record<string, Snippet> {
  const errors: ParseError[] = [];
  const snippets = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: false }) as Record<string, Snippet>;
  assert.deepEqual(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`), []);
  return snippets;
}

function bodyText(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function byPrefix(snippets: Record<string, Snippet>, prefix: string): Snippet {
  const found = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
}

describe('snippets/postmortem.code-snippets', () => {
  const snippets = loadSnippets();

  it('gives every snippet a pm- prefix, a body and a description', () => {
    const prefixes: string[] = [];
    for (const [name, snippet] of Object.entries(snippets)) {
      const own = ([] as string[]).concat(snippet.prefix);
      assert.ok(own.length > 0 && own.every((p) => /^pm-[a-z-]+$/.test(p)), `${name}: prefix ${JSON.stringify(snippet.prefix)}`);
      assert.ok(bodyText(snippet).trim().length > 0, `${name}: empty body`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length > 10, `${name}: no description`);
      prefixes.push(...own);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes must be unique');
  });

  it('covers every section the extension promises', () => {
    for (const prefix of ['pm-template', 'pm-frontmatter', 'pm-timeline', 'pm-timeline-row', 'pm-actions', 'pm-action-row', 'pm-whys', 'pm-well-wrong', 'pm-signoff', 'pm-public', 'pm-runbook']) {
      byPrefix(snippets, prefix);
    }
  });

  it('expands every snippet without unknown variables or broken placeholders', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const text = expandSnippet(bodyText(snippet), NOW);
      assert.doesNotMatch(text, /\$\{?\d|\$\{?[A-Z_]{3,}/, `${name}: left-over snippet syntax`);
    }
  });

  it('writes the current time with its offset in a timeline row', () => {
    assert.equal(expandSnippet(bodyText(byPrefix(snippets, 'pm-timeline-row')), NOW), '| 09:05 UTC+00:00 | [what happened] | [what was done] |');
  });

  it('offers the four categories and the four statuses as choices in an action item', () => {
    const body = bodyText(byPrefix(snippets, 'pm-actions'));
    assert.match(body, /\|Prevent,Detect,Mitigate,Learn\|/);
    assert.match(body, /\|📅 Planned,🔄 In Progress,✅ Done,🚫 Blocked\|/);
  });

  it('expands the full template into a postmortem whose only problems are the blanks left to fill', () => {
    const text = expandSnippet(bodyText(byPrefix(snippets, 'pm-template')), NOW);
    const lines = text.split('\n');
    const { problems } = lint(text, { today: '2026-01-15' });
    // The only errors: each of the four blank action items has no owner and no deadline yet.
    const actionRows = lines.flatMap((line, i) => (/^\| \d \| \[/.test(line) ? [i] : []));
    assert.equal(actionRows.length, 4);
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.range.start.line} ${p.ruleId}`);
    assert.deepEqual(errors, actionRows.flatMap((line) => [`${line} PM020`, `${line} PM021`]));
    // Everything else is a placeholder (PM003) or a section holding only placeholders (PM002), never a
    // structural problem: the template has every required section, a valid front matter and header.
    const others = problems.filter((p) => p.severity !== 'error');
    assert.deepEqual([...new Set(others.map((p) => p.ruleId))].sort(), ['PM002', 'PM003']);
    for (const p of others.filter((q) => q.ruleId === 'PM003')) {
      assert.match(text.slice(p.span.start, p.span.end), /^\[.+\]$|^YYYY-MM-DD$|^HH:mm$/, p.message);
    }
  });

  it('expands the front matter snippet into front matter the engine accepts', () => {
    const text = `${expandSnippet(bodyText(byPrefix(snippets, 'pm-frontmatter')), NOW)}\n# Postmortem: Checkout errors\n`;
    const { problems } = lint(text, { today: '2026-01-15' });
    assert.deepEqual(problems.filter((p) => p.ruleId === 'PM004').map((p) => p.message), []);
  });
});
