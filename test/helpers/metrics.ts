import * as fs from 'node:fs';
import * as path from 'node:path';
import { metricsInput, type MetricsInput } from '../../server/src/core/metrics/input';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { repoPath } from './paths';

/** The metrics inputs of a fixture workspace under test/fixtures/metrics/, one per file, by file name. */
export function loadWorkspace(name: string): MetricsInput[] {
  const dir = repoPath('test', 'fixtures', 'metrics', name);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => metricsInput(parsePostmortem(fs.readFileSync(path.join(dir, f), 'utf8')), f));
}
