import pm023 from './pm023-vague-action-item';
import pm040 from './pm040-postmortem-deadline';
import pm041 from './pm041-sign-off';
import pm050 from './pm050-duplicate-incident-id';
import pm051 from './pm051-repeat-incident';
import type { AnyRule } from './rule';

/** Every rule, in the order they run and are documented. */
export const rules: readonly AnyRule[] = [
  pm023,
  pm040,
  pm041,
  pm050,
  pm051,
];
