export * from './tables';
export * from './schemas';
export * from './merge';
export * from './conflicts';
export * from './profiles';
export * from './massChange';
