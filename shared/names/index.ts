// Public surface of the name layer: transliteration, skeletons, given-name equivalents, index keys.
export { foldHomoglyphs, hasCyrillic, looksRussian, normaliseApostrophes, plainForm } from './normalise';
export { skeleton, surnameBase, transliterateUk } from './translit';
export { detectConvention, otherLatinReading, respell, toCommonLatin } from './conventions';
export type { LatinConvention } from './conventions';
export { damerauLevenshtein, oneEditApart } from './distance';
export {
  allGivenNames,
  foldInitial,
  givenFormSkeletons,
  givenNameEntry,
  initialFits,
  lookupGivenName,
  lookupPatronymic,
  looksLikePatronymic,
} from './givenNames';
export type { GivenNameEntry, NameHit } from './givenNames';
export {
  MAX_PERSON_KEYS,
  FUZZY_MAX_EDITS,
  FUZZY_MIN_LEN,
  closeSurnameBases,
  fuzzyQueryBases,
  personSurnameBases,
  surnameVocabKeys,
  confusableBase,
  givenNameKey,
  parseIsoPartial,
  personNameKeys,
  queryNameKeys,
  surnameKey,
} from './keys';
export type { NameKey, NameParts, ParsedName, PartialDate } from './keys';
