// The persons table's writable columns, derived from the shared schema (PersonFields, camelCase → snake_case):
// the write path's allowlist, the import columns and the search indexes all read this one list.
import { PersonFields } from './schemas';

type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;
export type PersonColumn = Snake<keyof PersonFields & string>;

export const snakeCase = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camelCase = (k: string): string => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** In the schema's order (persons.csv and the export list them so). */
export const PERSON_COLUMNS = Object.keys(PersonFields.shape).map(snakeCase) as [PersonColumn, ...PersonColumn[]];
