// The edit conflicts screen (docs/replication.md).
import type { conflictsUk } from './conflicts.uk';

export const conflictsEn: Record<keyof typeof conflictsUk, string> = {
  title: 'Edit conflicts',
  intro:
    'Two sites changed one field without seeing each other’s edit. Every site already shows the newer value; the other is kept here. Keep either — the decision travels to the other sites as an ordinary edit.',
  empty: 'No conflicts.',
  shown: 'Shown now',
  other: 'Other value',
  site: 'Site',
  thisSite: 'this site ({{code}})',
  otherSite: 'site {{id}}',
  when: 'When',
  who: 'Who',
  unknownOperator: 'an operator of another site',
  empty_value: '(empty)',
  keepShown: 'Keep this',
  keepOther: 'Keep this',
  kept: 'Kept “{{value}}”. The decision goes to the other sites with the next changes file.',
  record: 'Record',
  field: 'Field',
  edit: 'Or enter another value…',
  editTitle: 'Another value for the field',
  editLabel: 'New value: {{field}}',
  editHint: 'Checked as on the person’s card; it goes to the other sites as an ordinary edit.',
  editSave: 'Save this value',
  editCancel: 'Cancel',
  edited: 'Saved “{{value}}”. The decision goes to the other sites with the next changes file.',
  deletionField: 'Deleted or kept',
  deletedValue: 'Deleted',
  standsValue: 'Kept: edited without seeing the delete',
};
