// Intake lists: reading, matching against the register, decisions (duplicates and merges live with the register, as
// does the register's matching cache: register/matchable.ts).
export { readIntakeBytes, readIntakeFile, readText, type IntakeRead, type IntakeRow } from './read';
export { matchEntries, rank, type EntryMatch } from './match';
export { warmRegisterCache } from '../register/matchable';
export { importList, getList, listLists, listEntries, listCounts, setListStatus, parsedView, type NewList } from './lists';
export { decideEntry, acceptAllSuggested, personFromEntry, type Decision } from './decisions';
