// The evidence weights of each field's outcome, the caps that keep a contradiction or an uncorroborated slip below a
// link, and the logistic that turns points into a score.

/** Evidence weights in points; the score is a logistic of their sum (see pointsToScore). */
export const WEIGHTS = {
  surname: { exact: 4, genderForm: 3.5, typo1: 2.5, typo2: 1, mismatch: -4 },
  /** a diminutive (Женя for Євген) a little below the full name: with the surname and a unit it just reaches a link */
  givenName: { exact: 3, diminutive: 2.7, typo: 2, initial: 1.3, mismatch: -3.5 },
  patronymic: { exact: 2.5, typo: 1.5, initial: 1, mismatch: -3 },
  dateOfBirth: { exact: 3, swappedAmbiguous: 2.6, swapped: 1.8, yearMonth: 1.8, yearOnly: 1.2, yearOff: -2.5, mismatch: -3.5 },
  unit: { exact: 0.8, mismatch: -0.4 },
  /** reading the words in the other order costs a little */
  alternativeOrder: -0.5,
  /** reading Latin letters by another convention (Rousnak as Rusnak) costs less: the words stay in place */
  otherSpelling: -0.25,
} as const;

/** An initial that fits only the Russian (or another) form counts this much of a Ukrainian-form initial. */
export const INITIAL_OTHER_FORM = 0.7;

/**
 * A contradiction in any field (a different given name, date, unit…) must never allow an automatic link:
 * points above CONTRADICTION_CAP are compressed by CONTRADICTION_SLOPE, which keeps the ranking but stays
 * below any sensible link threshold (max ≈ 4.5 + 0.1 × 9 < 5.5).
 */
export const CONTRADICTION_CAP = 4.5;
export const CONTRADICTION_SLOPE = 0.1;

/**
 * A surname reached only through a slip (typo, handwriting) is corrected, not confirmed: without a birth date or unit
 * that agrees, the points stay below the link threshold (7.5) — a namesake with a similar surname is a review.
 */
export const UNCORROBORATED_SLIP_CAP = 7;

/** Points at which the score is 0.5, and points per unit of log-odds. */
export const SCORE_MIDPOINT = 5;
export const SCORE_SCALE = 1.5;

export function pointsToScore(points: number): number {
  return 1 / (1 + Math.exp(-(points - SCORE_MIDPOINT) / SCORE_SCALE));
}
