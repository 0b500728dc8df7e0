// Each table's after-write hooks, registered once when the core loads (core.ts imports this module).
import { afterWrite } from './db/afterWrite';
import { personIndexesAfterWrite } from './register/indexes';

afterWrite('persons', personIndexesAfterWrite);
