import pm006 from './pm006-executive-summary';
import pm007 from './pm007-timeline';
import pm008 from './pm008-five-whys';
import pm009 from './pm009-root-cause';
import pm023 from './pm023-vague-action-item';
import type { AnyRule } from './rule';

/** Every rule, in the order they run and are documented. */
export const rules: readonly AnyRule[] = [
  pm006,
  pm007,
  pm008,
  pm009,
  pm023,
];
