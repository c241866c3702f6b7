import pm001 from './pm001-required-sections';
import pm002 from './pm002-empty-section';
import pm003 from './pm003-template-placeholder';
import pm004 from './pm004-front-matter';
import pm005 from './pm005-incident-header';
import pm006 from './pm006-executive-summary';
import pm007 from './pm007-timeline';
import pm008 from './pm008-five-whys';
import pm009 from './pm009-root-cause';
import pm020 from './pm020-action-item-owner';
import pm021 from './pm021-action-item-deadline';
import pm022 from './pm022-action-item-overdue';
import pm023 from './pm023-vague-action-item';
import pm024 from './pm024-action-item-status';
import pm025 from './pm025-action-item-count';
import pm026 from './pm026-action-item-coverage';
import pm030 from './pm030-blame-language';
import pm031 from './pm031-named-blame';
import pm032 from './pm032-counterfactual';
import pm033 from './pm033-secret-leak';
import pm034 from './pm034-public-safety';
import pm040 from './pm040-postmortem-deadline';
import pm041 from './pm041-sign-off';
import pm050 from './pm050-duplicate-incident-id';
import pm051 from './pm051-repeat-incident';
import type { AnyRule } from './rule';

/** Every rule, in the order they run and are documented. */
export const rules: readonly AnyRule[] = [
  pm001,
  pm002,
  pm003,
  pm004,
  pm005,
  pm006,
  pm007,
  pm008,
  pm009,
  pm020,
  pm021,
  pm022,
  pm023,
  pm024,
  pm025,
  pm026,
  pm030,
  pm031,
  pm032,
  pm033,
  pm034,
  pm040,
  pm041,
  pm050,
  pm051,
];
