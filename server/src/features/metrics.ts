import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { computeMetrics } from '../core/metrics/compute';
import type { MetricsInput } from '../core/metrics/input';
import type { Metrics } from '../core/metrics/types';
import { parseIsoDate } from '../core/model/dates';
import type { MetricsParams } from '../protocol';

/** Answers `postmortemLint/metrics` from the index's inputs; bad parameters are an InvalidParams error, not a crash. */
export function metricsFor(inputs: MetricsInput[], params: MetricsParams, today: string): Metrics {
  for (const name of ['since', 'until'] as const) {
    const value = params[name];
    if (value !== undefined && value !== null && (typeof value !== 'string' || !parseIsoDate(value))) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${name} must be a date written YYYY-MM-DD.`);
    }
  }
  if (params.groupBy !== undefined && params.groupBy !== null && params.groupBy !== 'month' && params.groupBy !== 'quarter') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'groupBy must be month or quarter.');
  }
  return computeMetrics(inputs, { since: params.since ?? undefined, until: params.until ?? undefined, groupBy: params.groupBy ?? 'month', today });
}
