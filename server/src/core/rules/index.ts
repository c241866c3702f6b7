import pm023 from './pm023-vague-action-item';
import pm030 from './pm030-blame-language';
import pm031 from './pm031-named-blame';
import pm032 from './pm032-counterfactual';
import pm033 from './pm033-secret-leak';
import pm034 from './pm034-public-safety';
import type { AnyRule } from './rule';

/** Every rule, in the order they run and are documented. */
export const rules: readonly AnyRule[] = [
  pm023,
  pm030,
  pm031,
  pm032,
  pm033,
  pm034,
];
