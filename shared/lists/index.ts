// Intake lists: schemas and the reason → translation key rule shared by the window and the CLI.
export * from './schemas';
export { reasonKey, REASON_KINDS } from './reasons';
