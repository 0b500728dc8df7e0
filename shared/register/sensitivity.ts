// Every person field's sensitivity, once: 'family' fields (kin, the person to inform, DNA references) are seen only
// by roles with family.read — on screen, in the CLI, in exports and (later) in transfer profiles. One filter applies it.
import { can, type Role } from '../domain/roles';
import { snakeCase } from './columns';
import type { Table } from '../replication/tables';
import type { PersonFields } from './schemas';

export type Sensitivity = 'register' | 'family';

/** A Record over every field: a new field does not compile until someone decides its sensitivity. */
export const FIELD_SENSITIVITY: Record<keyof PersonFields, Sensitivity> = {
  ref: 'register',
  surname: 'register',
  givenName: 'register',
  patronymic: 'register',
  surnameLatin: 'register',
  givenNameLatin: 'register',
  patronymicLatin: 'register',
  nameVariants: 'register',
  dateOfBirth: 'register',
  placeOfBirth: 'register',
  sex: 'register',
  citizenship: 'register',
  documentNumbers: 'register',
  fatherName: 'family',
  motherMaidenName: 'family',
  personToInform: 'family',
  side: 'register',
  category: 'register',
  rank: 'register',
  unit: 'register',
  serviceNumber: 'register',
  heightCm: 'register',
  build: 'register',
  eyeColour: 'register',
  hairColour: 'register',
  distinguishingMarks: 'register',
  bloodType: 'register',
  captureDate: 'register',
  capturePlace: 'register',
  captureCircumstances: 'register',
  lastKnownLocation: 'register',
  facility: 'register',
  health: 'register',
  seriouslyWounded: 'register',
  legalStatus: 'register',
  icrcStatus: 'register',
  icrcRef: 'register',
  icrcDate: 'register',
  status: 'register',
  remainsTag: 'register',
  recoveryPlace: 'register',
  recoveryDate: 'register',
  personalEffects: 'register',
  dnaLabRef: 'family',
  dnaMatchResult: 'family',
  notes: 'register',
};

export const FAMILY_FIELDS = (Object.keys(FIELD_SENSITIVITY) as (keyof PersonFields)[]).filter((k) => FIELD_SENSITIVITY[k] === 'family');

/** The same fields as file columns (export, import). */
export const FAMILY_COLUMNS: readonly string[] = FAMILY_FIELDS.map(snakeCase);

/**
 * The columns sealed under the family key (docs/vault.md): the family fields of a person, a relative's name and
 * contacts, and the contact log. Only slots of roles with family.read hold that key, so the rule holds outside the app.
 */
export const SEALED_COLUMNS: Readonly<Partial<Record<Table, readonly string[]>>> = {
  persons: FAMILY_COLUMNS,
  relatives: ['name', 'phone', 'address', 'dna_lab_ref', 'notes'],
  contact_log: ['summary'],
};

export function seesFamily(role: Role): boolean {
  return can(role, 'family.read');
}

/** A person without the family fields (null): for anyone without family.read. */
export function withoutFamily<T extends Partial<Record<keyof PersonFields, unknown>>>(person: T): T {
  const out: Record<string, unknown> = { ...person };
  for (const k of FAMILY_FIELDS) if (k in out) out[k] = null;
  return out as T;
}

/** The one filter: a person as this role may see it. */
export function visibleToRole<T extends Partial<Record<keyof PersonFields, unknown>>>(person: T, role: Role): T {
  return seesFamily(role) ? person : withoutFamily(person);
}
