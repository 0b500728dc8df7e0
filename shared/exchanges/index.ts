// Exchange rounds: vocabularies, who may be added, warnings, closing, totals, the summary sentence, proposal diffs.
export * from './enums';
export * from './eligibility';
export * from './closing';
export * from './summary';
export * from './diff';
export * from './schemas';
export * from './duration';
export * from './listing';
