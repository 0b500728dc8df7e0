// Turning scored candidates into a suggestion: link automatically, ask a human, or create a new person.
import { SCORE_SCALE, pointsToScore } from './weights';
import type { Suggestion, Thresholds } from './types';

/**
 * link: the best must show name + one identifying fact without contradictions (7.5 points: surname and given name
 *   plus a birth year, patronymic or full date; surname and given name alone could be an unregistered namesake);
 * review: anything with some positive evidence (1.5 points) is worth showing;
 * margin: the best must lead the second by 1.5 log-odds (2.25 points, e.g. a birth date that the other lacks).
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  link: pointsToScore(7.5),
  review: pointsToScore(1.5),
  margin: 1.5,
};

function logit(s: number): number {
  const c = Math.min(Math.max(s, 1e-9), 1 - 1e-9);
  return Math.log(c / (1 - c));
}

/** link only when the best is above the link threshold and clearly ahead of the second. */
export function decide(scored: { personId: string; score: number }[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Suggestion {
  if (scored.length === 0) return 'new';
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const best = sorted[0] as { score: number };
  if (best.score < thresholds.review) return 'new';
  if (best.score < thresholds.link) return 'review';
  const second = sorted[1];
  if (second && logit(best.score) - logit(second.score) < thresholds.margin) return 'review';
  return 'link';
}

/** Points-to-log-odds factor, for callers that reason in points. */
export const POINTS_PER_LOGIT = SCORE_SCALE;
