export { applyChanges, checkChanges, previewChanges, type ApplyResult, type ApplyOptions } from './apply';
export { changesFor, countFor, acknowledgements, recordAcks } from './log';
export { countConflicts, listConflicts, getConflict, resolveConflict } from './conflicts';
export { exchangePayload, exchangeRecords } from './exchangePackage';
