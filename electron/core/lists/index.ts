// Intake lists: reading, matching against the register, decisions (duplicates and merges live with the register).
export { readIntakeBytes, readIntakeFile, readText, type IntakeRead, type IntakeRow } from './read';
export { matchEntries, rank, warmRegisterCache, type EntryMatch } from './match';
export { importList, getList, listLists, listEntries, listCounts, setListStatus, parsedView, type NewList } from './lists';
export { decideEntry, acceptAllSuggested, personFromEntry, type Decision } from './decisions';
