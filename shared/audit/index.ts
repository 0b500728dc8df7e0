export * from './actions';
export * from './filter';
