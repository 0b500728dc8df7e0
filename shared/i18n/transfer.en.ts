import type { transferUk } from './transfer.uk';

export const transferEn: typeof transferUk = {
  cancelled: 'The file choice was cancelled.',
  refused: {
    'too-large': 'The file is too large ({{file}}): over {{limit}} bytes. It was not read.',
    'not-a-transfer-file': 'This is not an Obmin transfer file.',
    'unknown-version': 'The file has an unknown format version ({{found}}). Update the application.',
    'bad-header': 'The file’s header is damaged or forged.',
    truncated: 'The file is truncated: part of it is missing. Write it again.',
    'unknown-signer': 'The file was signed by an unknown site ({{site}}). Import and confirm its identity card first.',
    'untrusted-signer': 'The fingerprint of site {{site}} is not confirmed yet. Compare it by phone and confirm it.',
    'revoked-signer': 'The file is signed with a key that is no longer trusted (site {{site}}).',
    'bad-signature': 'The signature does not match: the file was changed after it was signed.',
    'not-recipient': 'The file is addressed to another site, not this one.',
    replay: 'A different file with this sequence number ({{seq}}) from this site was already received. Possible replay.',
    'own-file': 'This file was written by this very site.',
    'decrypt-failed': 'The contents could not be decrypted: the file is damaged.',
    'payload-mismatch': 'The decrypted contents do not match the header.',
    'bad-record': 'Record {{line}} in the file is malformed.',
    'unknown-table': 'Record {{line}} refers to an unknown table.',
    'unknown-column': 'Record {{line}} has an unknown field.',
    'bad-value': 'Record {{line}}: the value of field {{field}} is wrong.',
    'too-many-records': 'The file has too many records (over {{limit}}).',
    'clock-drift': 'The changes are stamped far in the future: the sending site’s clock is wrong.',
    'wrong-kind': 'The file is of another kind: identity cards are added under Sites, not imported.',
    'fingerprint-mismatch': 'The fingerprint does not match the card. Nothing was saved.',
  },
};
