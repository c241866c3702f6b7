import pm001 from './pm001-required-sections';
import pm002 from './pm002-empty-section';
import pm003 from './pm003-template-placeholder';
import pm004 from './pm004-front-matter';
import pm005 from './pm005-incident-header';
import pm023 from './pm023-vague-action-item';
import type { AnyRule } from './rule';

/** Every rule, in the order they run and are documented. */
export const rules: readonly AnyRule[] = [
  pm001,
  pm002,
  pm003,
  pm004,
  pm005,
  pm023,
];
