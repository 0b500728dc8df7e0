export * from './schemas';
export * from './labels';
export * from './content';
