// Generates the benchmark's data: a corpus of postmortems in several house styles and a few large documents.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { incident } from './content.mjs';
import { seeded } from './random.mjs';
import { grow, newParts, STYLES } from './styles.mjs';

const STYLE_NAMES = Object.keys(STYLES);

/** Grows a document of one style until it reaches `bytes`, adding parts in batches sized from the shortfall. */
function sized(r, inc, style, bytes) {
  const parts = newParts(r, inc);
  let text = STYLES[style](inc, parts);
  while (text.length < bytes) {
    const perGrow = 450;
    const batch = Math.max(1, Math.floor((bytes - text.length) / perGrow / 2));
    for (let k = 0; k < batch; k++) grow(r, inc, parts);
    text = STYLES[style](inc, parts);
  }
  return text;
}

/**
 * Writes `count` postmortems of 2–8 KB under `root/postmortems/<year>/`, styles in rotation, and returns them
 * in memory too (path relative to `root`, text).
 */
export function generateCorpus(root, count, seed = 20260115) {
  const r = seeded(seed);
  const folder = join(root, 'postmortems');
  rmSync(folder, { recursive: true, force: true });
  const files = [];
  for (let index = 0; index < count; index++) {
    const inc = incident(r, index);
    const style = STYLE_NAMES[index % STYLE_NAMES.length];
    const text = sized(r, inc, style, r.int(2048, 7600));
    const relative = join('postmortems', String(inc.year), `${inc.date}-${inc.svc}-${style}-${index}.md`);
    mkdirSync(join(root, 'postmortems', String(inc.year)), { recursive: true });
    writeFileSync(join(root, relative), text);
    files.push({ relative, text });
  }
  return files;
}

/** One large postmortem in the template style (a long timeline, many action items, pages of analysis). */
export function largeDocument(bytes, seed = 7) {
  const r = seeded(seed + bytes);
  return sized(r, incident(r, bytes % 100_000), 'template', bytes);
}

/** The large documents the benchmark edits, by label. */
export function largeDocuments() {
  return { '10 KB': largeDocument(10 * 1024), '200 KB': largeDocument(200 * 1024), '2 MB': largeDocument(2 * 1024 * 1024) };
}
