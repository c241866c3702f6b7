// Measurements inside this process: markdown-it alone, the engine, and the pathological inputs.
import { createRequire } from 'node:module';
import { medianMs, timeMs } from '../stats.mjs';

const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it');
const { lint } = require('../../out/server/src/core/engine.js');
const { formatDocument } = require('../../out/server/src/core/format/formatDocument.js');
const { pathologicalInputs } = require('../../out/test/helpers/pathologicalInputs.js');

/** A fixed "today", so the overdue rules see the same dates on every run. */
export const TODAY = '2026-01-15';

/**
 * markdown-it's full parse (the options the engine uses) against the engine's lint, over the same texts. The
 * two alternate run by run, so that drift in the machine's speed hits both alike.
 */
export function corpusParseAndLint(texts, runs) {
  const md = new MarkdownIt({ html: true });
  const parseAll = () => { for (const text of texts) md.parse(text, {}); };
  const lintAll = () => { for (const text of texts) lint(text, { today: TODAY }); };
  parseAll();
  lintAll();
  const parse = [];
  const engine = [];
  for (let run = 0; run < runs; run++) {
    parse.push(medianMs(parseAll, 1, false));
    engine.push(medianMs(lintAll, 1, false));
  }
  return { parse, engine };
}

/** Each pathological input through the engine and then the formatter: `runs` timings of each, after a warm-up. */
export function pathological(runs) {
  const results = [];
  for (const [name, text] of Object.entries(pathologicalInputs())) {
    let result;
    const lintTimes = [];
    const formatTimes = [];
    for (let run = 0; run <= runs; run++) {
      const lintMs = timeMs(() => { result = lint(text, { today: TODAY }); });
      const formatMs = timeMs(() => { if (result.document) formatDocument(result.document, { sortTimeline: true }); });
      if (run > 0) {
        lintTimes.push(lintMs);
        formatTimes.push(formatMs);
      }
    }
    results.push({ name, bytes: text.length, lint: lintTimes, format: formatTimes });
  }
  return results;
}
