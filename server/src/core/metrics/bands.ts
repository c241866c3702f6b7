/** The domain guide's benchmark bands for the effectiveness metrics. */
import type { Band } from './types';

/**
 * Repeat rate: under 10% excellent, up to 20% good, up to 40% poor, above critical. The guide has no
 * "acceptable" band here: once a fifth of incidents repeat, action items are not being done.
 */
export function repeatRateBand(rate: number | null): Band | null {
  if (rate === null) return null;
  if (rate < 0.1) return 'excellent';
  if (rate <= 0.2) return 'good';
  if (rate <= 0.4) return 'poor';
  return 'critical';
}

/** Completion rate: above 80% excellent, 60–80% good, 40–60% poor, under 40% critical (no follow-up). */
export function completionRateBand(rate: number | null): Band | null {
  if (rate === null) return null;
  if (rate > 0.8) return 'excellent';
  if (rate >= 0.6) return 'good';
  if (rate >= 0.4) return 'poor';
  return 'critical';
}

/**
 * Time to postmortem, in hours: under a day excellent, up to two days good, up to a week acceptable (the
 * guide's 3–7 days; the third day falls here too), beyond a week poor.
 */
export function timeToPostmortemBand(hours: number | null): Band | null {
  if (hours === null) return null;
  if (hours < 24) return 'excellent';
  if (hours <= 48) return 'good';
  if (hours <= 168) return 'acceptable';
  return 'poor';
}
