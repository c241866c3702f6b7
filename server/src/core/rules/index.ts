import pm023 from './pm023-vague-action-item';
import type { AnyRule } from './rule';

/** Every rule, in the order they run and are documented. */
export const rules: readonly AnyRule[] = [
  pm023,
];
