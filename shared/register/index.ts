export * from './enums';
export * from './schemas';
export * from './queries';
export * from './collation';
export * from './captivity';
export * from './dates';
export * from './values';
export * from './sensitivity';
