// What may be posted to the core worker. V8 cannot recover from one allocation larger than the worker's heap: it
// aborts the whole process, past resourceLimits and the restart. So a call's size is measured on the calling side,
// before anything is copied, and one too large for the worker is refused (INPUT_TOO_LARGE) instead of posted.
import type { ResourceLimits } from 'node:worker_threads';
import type { Result } from '../../../shared/errors';
import { IMPORT_BASE64_MAX } from '../../../shared/register/queries';

const MIB = 1024 * 1024;
const MAX_DEPTH = 64;
/** The largest legitimate call is a file sent as base64 (imports, lists); the rest of its arguments are small. */
export const MAX_CALL_UNITS = IMPORT_BASE64_MAX + MIB;

/** Never more than an eighth of the worker's old space in one call: a string's copy may take two bytes a character. */
export function maxCallUnits(limits: ResourceLimits): number {
  const heapMb = limits.maxOldGenerationSizeMb;
  return heapMb ? Math.min(MAX_CALL_UNITS, Math.floor((heapMb * MIB) / 8)) : MAX_CALL_UNITS;
}

/**
 * A bound on what structured cloning `value` would allocate: characters of strings, bytes of binary data and a fixed
 * cost per value; a shape nested deeper than any contract argument is infinite. Walks without recursion and stops as soon
 * as it passes `stopAt`.
 */
export function callSize(value: unknown, stopAt: number): number {
  let total = 0;
  const seen = new Set<object>();
  const todo: [unknown, number][] = [[value, 0]];
  while (todo.length > 0 && total <= stopAt) {
    const [v, depth] = todo.pop()!;
    // No contract argument nests this deep; cloning such a shape could exhaust the stack: count it as too large.
    if (depth > MAX_DEPTH) return Number.POSITIVE_INFINITY;
    total += 16;
    if (typeof v === 'string') total += v.length;
    else if (v === null || typeof v !== 'object') continue;
    else if (seen.has(v)) continue;
    else if (ArrayBuffer.isView(v)) total += v.byteLength;
    else if (v instanceof ArrayBuffer) total += v.byteLength;
    else {
      seen.add(v);
      for (const [k, item] of Object.entries(v)) {
        total += k.length;
        todo.push([item, depth + 1]);
        if (total > stopAt) break;
      }
    }
  }
  return total;
}

export function tooLarge(limit: number): Result<never> {
  return { ok: false, error: { code: 'INPUT_TOO_LARGE', messageKey: 'errors.INPUT_TOO_LARGE', details: { limit: `${Math.floor(limit / MIB)} MB` } } };
}
