// Random work for the replication property test: local writes at any site, and files sent, delivered (or kept to
// arrive again), lost and acknowledged along the relay topology's edges.
import fc from 'fast-check';
import { EDGES, PERSON_FIELDS, SITE_NAMES, type Action } from './simulation';

const site = fc.integer({ min: 0, max: SITE_NAMES.length - 1 });
const pick = fc.nat(1000);
const field = fc.constantFrom(...Object.keys(PERSON_FIELDS));
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('create' as const), site, surname: fc.constantFrom('Ковальчук', 'Бондар', 'Ткаченко') }) },
  {
    weight: 6,
    arbitrary: field.chain((f) =>
      fc.record({ k: fc.constant('edit' as const), site, pick, field: fc.constant(f), value: fc.constantFrom(...PERSON_FIELDS[f]!) }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('relative' as const), site, pick, name: fc.constantFrom('Олена', 'Марія') }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('editRelative' as const), site, pick, value: fc.constantFrom('+380000000001', '+380000000002') }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), site, pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('merge' as const), site, a: pick, b: pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('resolve' as const), site, pick, keep: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('send' as const), edge: fc.nat(EDGES.length - 1), back: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('deliver' as const), pick, keep: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('lose' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('ack' as const), edge: fc.nat(EDGES.length - 1), back: fc.boolean() }) },
);

export const actions = fc.array(action, { minLength: 10, maxLength: 40, size: 'max' });
/** The second round, after the first settled: people resolve listed conflicts (keep either side) among more work. */
export const later = fc.array(
  fc.oneof({ weight: 1, arbitrary: fc.record({ k: fc.constant('resolve' as const), site, pick, keep: fc.boolean() }) }, { weight: 1, arbitrary: action }),
  { maxLength: 16 },
);
