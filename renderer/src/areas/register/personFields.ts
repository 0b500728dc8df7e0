// The person's fields grouped as the page and the form show them. Kinds decide the input and how a value is read.
import { CATEGORIES, ICRC_STATUSES, SEXES, SIDES, type PersonFields } from '../../../../shared/register';

export type FieldName = keyof PersonFields;
export type FieldKind = 'text' | 'long' | 'date' | 'int' | 'bool' | 'list' | { options: readonly string[]; labels: string };
export interface FieldSpec {
  name: FieldName;
  kind: FieldKind;
  /** shown on the page only when it matters (remains fields for remains) */
  wide?: boolean;
}
export interface Section {
  id: 'identity' | 'service' | 'description' | 'capture' | 'icrc' | 'remains' | 'notes';
  fields: FieldSpec[];
}

const f = (name: FieldName, kind: FieldKind = 'text', wide = false): FieldSpec => ({ name, kind, wide });

export const SECTIONS: Section[] = [
  {
    id: 'identity',
    fields: [
      f('surname'),
      f('givenName'),
      f('patronymic'),
      f('surnameLatin'),
      f('givenNameLatin'),
      f('patronymicLatin'),
      f('nameVariants', 'list', true),
      f('ref'),
      f('side', { options: SIDES, labels: 'register.side' }),
      f('category', { options: CATEGORIES, labels: 'register.category' }),
      f('dateOfBirth', 'date'),
      f('placeOfBirth'),
      f('sex', { options: SEXES, labels: 'register.sex' }),
      f('citizenship'),
      f('documentNumbers'),
      f('fatherName'),
      f('motherMaidenName'),
      f('personToInform', 'long', true),
    ],
  },
  { id: 'service', fields: [f('rank'), f('unit'), f('serviceNumber')] },
  {
    id: 'description',
    fields: [f('heightCm', 'int'), f('build'), f('eyeColour'), f('hairColour'), f('bloodType'), f('distinguishingMarks', 'long', true)],
  },
  {
    id: 'capture',
    fields: [
      f('captureDate', 'date'),
      f('capturePlace'),
      f('lastKnownLocation'),
      f('facility'),
      f('seriouslyWounded', 'bool'),
      f('captureCircumstances', 'long', true),
      f('health', 'long', true),
      f('legalStatus', 'long', true),
    ],
  },
  { id: 'icrc', fields: [f('icrcStatus', { options: ICRC_STATUSES, labels: 'register.icrc' }), f('icrcRef'), f('icrcDate', 'date')] },
  {
    id: 'remains',
    fields: [
      f('remainsTag'),
      f('recoveryPlace'),
      f('recoveryDate', 'date'),
      f('dnaLabRef'),
      f('dnaMatchResult', 'long', true),
      f('personalEffects', 'long', true),
    ],
  },
  { id: 'notes', fields: [f('notes', 'long', true)] },
];

export type FormValues = Partial<Record<FieldName, string>>;

/** Screen strings → the shapes the zod schema expects; an empty input means "no value". */
export function toInput(values: FormValues, specs: FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const raw = values[s.name] ?? '';
    const v = raw.trim();
    if (s.kind === 'bool') out[s.name] = raw === 'true';
    else if (s.kind === 'list')
      out[s.name] = v
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : [];
    else if (s.kind === 'int') out[s.name] = v === '' ? null : /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
    else out[s.name] = v === '' ? null : v;
  }
  return out;
}

/** A stored value → the string an input holds. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
