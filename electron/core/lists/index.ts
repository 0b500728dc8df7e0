// Intake lists: reading, matching against the register, decisions, duplicates and merges.
export { readIntakeBytes, readIntakeFile, readText, type IntakeRead, type IntakeRow } from './read';
export { matchEntries, rank, warmRegisterCache, type EntryMatch } from './match';
export { importList, getList, listLists, listEntries, listCounts, setListStatus, parsedView, type NewList } from './store';
export { decideEntry, acceptAllSuggested, personFromEntry, type Decision } from './decisions';
export { findDuplicates, dismissDuplicate, entryOfPerson, type DuplicatePage } from './duplicates';
export { mergePersons, mergedInto } from './merge';
