// Public surface of the matcher: parsing list entries, scoring candidates, deciding, in-memory retrieval.
export { compareDates, findDate, parseDate, TWO_DIGIT_YEAR_PIVOT } from './dates';
export type { DateComparison } from './dates';
export { normaliseUnit, parseFreeTextLine, parseListEntry, parseName } from './parse';
export { extractParts, extractRank } from './extract';
export { MatchFeatures, preparePerson } from './features';
export { candidateScore, scoreCandidate } from './score';
export { pointsToScore, SCORE_MIDPOINT, SCORE_SCALE, WEIGHTS } from './weights';
export { decide, DEFAULT_THRESHOLDS, POINTS_PER_LOGIT } from './decide';
export { MatchIndex } from './matcher';
export type { Candidate, ParsedEntry, Reason, ReasonField, RegisteredPerson, Suggestion, Thresholds } from './types';
