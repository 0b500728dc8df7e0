// Each field on its own: surname, given name, patronymic, date of birth and unit compared, one reason per field.
import { damerauLevenshtein, foldInitial, givenFormSkeletons, hasCyrillic, initialFits, looksRussian, oneEditApart, skeleton } from '../names';
import type { PartialDate } from '../names';
import { compareDates } from './dates';
import type { EntryNames, NameFeature, SurnameFeature } from './features';
import type { Reason } from './types';
import { INITIAL_OTHER_FORM, WEIGHTS } from './weights';

function spellingKind(raw: string, plainEqual: boolean): string {
  if (plainEqual) return 'exact';
  if (!hasCyrillic(raw)) return 'transliteration';
  return looksRussian(raw) ? 'russianForm' : 'variant';
}

export function scoreSurname(e: EntryNames, p: SurnameFeature): Reason {
  const W = WEIGHTS.surname;
  if (!e.surname) return { field: 'surname', kind: 'missing', weight: 0 };
  if (e.surname.sk === p.sk) {
    return { field: 'surname', kind: spellingKind(e.surname.raw, e.surname.plain === p.plain), weight: W.exact };
  }
  if (e.surname.base === p.base) return { field: 'surname', kind: 'genderForm', weight: W.genderForm };
  const len = Math.min(e.surname.base.length, p.base.length);
  if (len >= 4 && e.surname.conf === p.conf) return { field: 'surname', kind: 'confusable', weight: W.typo1 };
  if (len >= 4 && oneEditApart(e.surname.base, p.base)) return { field: 'surname', kind: 'typo', weight: W.typo1 };
  if (len >= 5 && (damerauLevenshtein(e.surname.base, p.base, 2) === 2 || oneEditApart(e.surname.conf, p.conf))) {
    return { field: 'surname', kind: 'typo', weight: W.typo2 };
  }
  return { field: 'surname', kind: 'mismatch', weight: W.mismatch };
}

/** 2: the initial of the registered (Ukrainian) form; 1: of another form (А. for Олексій); 0: does not fit. */
function initialQuality(initial: string, person: NameFeature): number {
  if (!person.id.startsWith('~')) return initialFits(initial, person.id);
  if (hasCyrillic(initial) === hasCyrillic(person.raw)) return foldInitial(initial) === foldInitial(person.raw) ? 2 : 0;
  return skeleton(initial).charAt(0) === person.sk.charAt(0) ? 1 : 0;
}

export function scoreName(field: 'givenName' | 'patronymic', entry: NameFeature | null, initial: string | null, person: NameFeature | null): Reason {
  const W = field === 'givenName' ? WEIGHTS.givenName : WEIGHTS.patronymic;
  if (!person || (!entry && !initial)) return { field, kind: 'missing', weight: 0 };
  if (!entry) {
    const q = initialQuality(initial as string, person);
    if (q === 0) return { field, kind: 'mismatch', weight: W.mismatch };
    return { field, kind: 'initial', weight: q === 2 ? W.initial : W.initial * INITIAL_OTHER_FORM };
  }
  if (field === 'givenName' && (entry.dim || person.dim) && entry.sk !== person.sk) {
    const ids = person.dim ?? [person.id];
    if ((entry.dim ?? [entry.id]).some((id) => ids.includes(id))) {
      return { field, kind: 'diminutive', weight: WEIGHTS.givenName.diminutive, form: entry.raw };
    }
  }
  if (entry.id === person.id) {
    if (entry.exact || entry.sk === person.sk) {
      return { field, kind: spellingKind(entry.raw, entry.plain === person.plain), weight: W.exact };
    }
    return { field, kind: 'typo', weight: W.typo };
  }
  const forms = field === 'givenName' && !person.id.startsWith('~') ? givenFormSkeletons(person.id) : [person.sk];
  for (const f of forms) {
    if (Math.min(f.length, entry.sk.length) < 4) continue;
    const close = field === 'patronymic' ? damerauLevenshtein(entry.sk, f, 2) <= 2 : oneEditApart(entry.sk, f);
    if (close) {
      return { field, kind: 'typo', weight: W.typo };
    }
  }
  return { field, kind: 'mismatch', weight: W.mismatch };
}

// The date and unit reasons are few and fixed: one object each, copied when reasons leave the scorer (scoreCandidate).
const DATE_REASONS = (() => {
  const W = WEIGHTS.dateOfBirth;
  const r = (kind: string, weight: number): Reason => ({ field: 'dateOfBirth', kind, weight });
  return {
    missing: r('missing', 0),
    exact: r('exact', W.exact),
    swappedAmbiguous: r('dayMonthSwapped', W.swappedAmbiguous),
    swapped: r('dayMonthSwapped', W.swapped),
    yearMonth: r('yearMonth', W.yearMonth),
    yearOnly: r('yearOnly', W.yearOnly),
    yearOff: r('yearOff', W.yearOff),
    mismatch: r('mismatch', W.mismatch),
  };
})();
export const UNIT_EXACT: Reason = { field: 'unit', kind: 'exact', weight: WEIGHTS.unit.exact };
export const UNIT_MISMATCH: Reason = { field: 'unit', kind: 'mismatch', weight: WEIGHTS.unit.mismatch };

export function scoreDate(e: PartialDate | null, p: PartialDate | null): Reason {
  const c = compareDates(e, p);
  switch (c.kind) {
    case 'missing':
      return DATE_REASONS.missing;
    case 'exact':
      return DATE_REASONS.exact;
    case 'dayMonthSwapped':
      return c.ambiguous ? DATE_REASONS.swappedAmbiguous : DATE_REASONS.swapped;
    case 'yearMonth':
      return DATE_REASONS.yearMonth;
    case 'yearOnly':
      return DATE_REASONS.yearOnly;
    case 'yearOff':
      return DATE_REASONS.yearOff;
    default:
      return DATE_REASONS.mismatch;
  }
}
