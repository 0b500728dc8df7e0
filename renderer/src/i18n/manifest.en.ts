import type { manifestUk } from './manifest.uk';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const manifestEn: Widen<typeof manifestUk> = {
  preview: 'Preview',
  print: 'Print…',
  save: 'Save PDF…',
  variant: 'Variant',
  direction: 'Lists',
  variants: { field: 'Field (for the handover)', full: 'Full (with photos)', mediator: 'For the mediator' },
  directions: { both: 'Both', receive: 'Received', give: 'Handed over' },
  working: 'Preparing the document…',
  printed: 'Printed: {{pages}} pages, code {{code}}',
  saved: 'Saved: {{pages}} pages, code {{code}}',
  opened: 'Preview open: {{pages}} pages, code {{code}}',
  cancelled: 'Cancelled — nothing was recorded.',
  label: 'Print',
};
