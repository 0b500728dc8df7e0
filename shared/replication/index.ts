export * from './tables';
export * from './schemas';
export * from './merge';
export * from './conflicts';
