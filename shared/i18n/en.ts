import { exchangesEn } from './exchanges.en';
import type { MessageTree } from './types';

export const en: MessageTree = {
  errors: {
    USAGE: 'Wrong command usage: {{detail}}',
    VALIDATION: 'The data did not pass validation: {{detail}}',
    NOT_INITIALISED: 'This workstation is not set up yet. Run the first-time set-up first (obmin init).',
    ALREADY_INITIALISED: 'This data folder is already set up.',
    LOCKED: 'The workstation is locked. Unlock it with your passphrase.',
    WRONG_CREDENTIALS: 'Wrong operator name or passphrase.',
    THROTTLED: 'Too many failed attempts. Wait {{seconds}} s and try again.',
    NOT_ALLOWED: 'Your role does not allow this action.',
    WEAK_PASSPHRASE: 'The passphrase is too weak: {{reasons}}',
    OPERATOR_EXISTS: 'An operator with this name already exists.',
    LAST_ADMIN: 'The last administrator cannot be disabled.',
    NOT_FOUND: 'Not found: {{what}}',
    CONFLICT: 'Data conflict: {{detail}}',
    DB_CORRUPT: 'The database file is damaged or unreadable: {{file}}. Restore it from a backup.',
    DB_PLAINTEXT: 'The database file is not encrypted: {{file}}. Obmin refuses to use it.',
    DB_NEWER_VERSION: 'The database was created by a newer Obmin (schema {{found}}, this version knows up to {{supported}}). Update the application.',
    SLOTS_CORRUPT: 'The operators’ key file is damaged or unreadable: {{file}}. Restore it from a backup.',
    BACKUP_INVALID: 'The backup failed verification: {{file}}.',
    VERIFICATION_FAILED: 'The file failed verification: {{detail}}',
    FILE_TOO_LARGE: 'The file is too large: {{file}} (over {{limit}}).',
    FILE_MALFORMED: 'The file is malformed: {{detail}}',
    IO: 'Could not read or write a file: {{file}}',
    IMPORT_ROWS: 'The file has rows with errors ({{count}}; the first is row {{first}}); nothing was imported. Fix them or add --skip-invalid.',
    INTERNAL: 'Internal error. Try again; if it happens again, call your administrator.',
  },
  audit: {
    problems: {
      chain: 'The audit chain breaks at entry {{seq}}: an entry was changed or removed.',
      signature: 'The signature of entry {{seq}} does not hold: the entry was changed after it was signed.',
      unsigned: 'Entry {{seq}} is unsigned although the entries before it are signed.',
      unknownKey: 'Entry {{seq}} is signed with a key no operator has.',
      wrongSigner: 'Entry {{seq}} is signed with another operator’s key than the one it names.',
      missing: 'Entries {{from}}–{{to}} are missing since the file of {{since}} ({{peer}}{{file}}).',
      rewritten: 'Entry {{seq}} differs from what {{peer}} witnessed in the file of {{since}}: the log was rewritten.',
    },
  },
  passphrase: {
    tooShort: 'at least 12 characters',
    tooGuessable: 'it is easy to guess — add a few more random words',
    containsName: 'do not use the operator’s or the site’s name',
  },
  exchanges: exchangesEn,
};
