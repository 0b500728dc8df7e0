import type { Result } from '../../../shared/errors';

/** Messages between the host (Electron main) and the worker that runs the core. */
export type ToWorker = { type: 'call'; id: number; channel: string; args: unknown } | { type: 'close'; id: number };
export type FromWorker =
  { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; name: string; payload: unknown } | { type: 'closed'; id: number };

export interface WorkerInit {
  dataDir: string;
  kdf?: { memoryKiB: number; iterations: number; parallelism: number };
}
