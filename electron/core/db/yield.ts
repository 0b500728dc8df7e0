import { ObminError } from '../../../shared/errors';
import type { Db } from '../vault/database';

/**
 * Long work yields between batches so other calls (progress, a lock on suspend) get through. A lock may close the
 * database meanwhile: it has rolled the transaction back, and the work stops here with LOCKED.
 */
export async function yieldBetweenBatches(db: Db): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!db.open) throw new ObminError('LOCKED');
}
