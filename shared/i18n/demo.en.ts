// `obmin demo --sites DIR`: what the two-site first run prints, and why it refuses.
export const demoEn = {
  siteExists: 'The folder {{dir}} already holds a set-up workstation: the demo creates its two sites only in an empty folder.',
  noRound: 'No round in progress: the demo register made no round, so there is no exchange package to write.',
  hq: 'HQ {{site}}: {{dir}} — people {{persons}}, sources {{sources}}, relatives {{relatives}}',
  field: 'Field laptop {{site}}: {{dir}}',
  cards: 'The sites exchanged identity cards and compared key fingerprints.',
  exported: 'Exchange package of round {{number}} for {{to}}: {{file}} — records {{records}}, {{bytes}} B',
  imported: 'Imported at {{site}}: added {{added}}, changed {{changed}}',
  round: 'Round {{number}} ({{status}}): receive {{receive}}, give {{give}}',
  manifest: 'Manifest of round {{number}}: {{file}} — pages {{pages}}, code {{code}}',
  next: 'Open either site: obmin --data {{dir}} … or the app with OBMIN_DATA={{dir}}',
} as const;
