import { parentPort, workerData } from 'node:worker_threads';
import { lint } from '../../server/src/core/engine';
import { formatDocument } from '../../server/src/core/format/formatDocument';
import { pathologicalInputs } from '../helpers/pathologicalInputs';

const text = pathologicalInputs()[(workerData as { name: string }).name];
const result = lint(text, { today: '2026-01-15' });
const edits = result.document ? formatDocument(result.document, { sortTimeline: true }).length : 0;
parentPort?.postMessage({
  problems: result.problems.length,
  internal: result.problems.filter((p) => p.ruleId === 'PM000').map((p) => p.message),
  edits,
});
