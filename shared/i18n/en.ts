import { demoEn } from './demo.en';
import { exchangesEn } from './exchanges.en';
import { replicationEn } from './replication.en';
import { transferEn } from './transfer.en';
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
    INPUT_TOO_LARGE: 'Too much data in one request (over {{limit}}); nothing was done. Choose a smaller file.',
    FILE_MALFORMED: 'The file is malformed: {{detail}}',
    FILE_NO_HEADER: 'The file has no header row: the first row must name the columns (surname, given name …).',
    FILE_NO_WORKSHEET: 'The Excel workbook has no worksheet with data.',
    SLOT_STALE:
      'Your key slot opens an older database key: the key file and the database do not belong together (was one of them restored from a backup?). Call your administrator.',
    VAULT_BUSY: 'The vault is busy in another Obmin process (an import, for example). Wait and try again.',
    CORE_RESTARTED: 'The application core stopped (most likely a file too large for memory) and was restarted; the workstation is locked. Unlock it again.',
    FOLDER_NOT_EMPTY: 'The folder {{dir}} is not empty: restore only into a new, empty folder.',
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
  importProblems: {
    noSurnameOrRef:
      'The file has no surname column (surname, “Прізвище”) — needed for new people — and no case-number column (ref) for updates. The file’s columns: {{headers}}',
    rowsWithErrors: 'Rows with errors: {{count}}. Fix them or skip them deliberately — otherwise nothing is imported.',
    statusSide: 'Row {{row}}: the status does not fit the person’s side — the person changed after the preview. Nothing was imported; preview the file again.',
  },
  demoProblems: {
    notEmpty: 'Demo data goes only into an empty register: this one already has people ({{count}}), and fictional ones must not mix with real ones.',
  },
  passphrase: {
    tooShort: 'at least 12 characters',
    tooGuessable: 'it is easy to guess — add a few more random words',
    containsName: 'do not use the operator’s or the site’s name',
  },
  exchanges: exchangesEn,
  manifest: {
    matches: 'Code {{code}} matches exchange no. {{round}} as held now.',
    mismatch: 'Code {{code}} does not match exchange no. {{round}} as held now ({{count}} differences).',
    noSnapshot: 'This code was not printed here: the entries that differ cannot be listed.',
    header: 'Header changed: {{fields}}',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    written: 'Wrote {{file}}: {{pages}} pages, code {{code}}',
  },
  replication: replicationEn,
  transfer: transferEn,
  demo: demoEn,
};
