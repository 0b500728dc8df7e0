// The host side: a Router whose calls run in the core worker. Same interface as createRouter, so main never knows.
// The worker has memory limits; if it dies (out of memory on a hostile file, a crash), the calls in flight answer
// CORE_RESTARTED, a fresh worker starts — locked, since the session died with it — and `locked` is emitted.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Result } from '../../../shared/errors';
import type { Router } from '../ipc/door';
import { callSize, maxCallUnits, tooLarge } from './limits';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface WorkerRouter extends Router {
  close(): Promise<void>;
}

export interface WorkerOptions {
  resourceLimits?: ResourceLimits;
  /** restarts in a row without one successful answer between them before giving up (INTERNAL from then on) */
  maxRestarts?: number;
  /** the largest call posted (units of callSize); by default from the worker's heap (worker/limits.ts) */
  maxCallUnits?: number;
}

/** Enough for a 100 000-row import and a 50 MB workbook; a decompression bomb that slips past the guard dies here. */
export const CORE_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 3072, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

const WORKER_GONE: Result<never> = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };
const RESTARTED: Result<never> = { ok: false, error: { code: 'CORE_RESTARTED', messageKey: 'errors.CORE_RESTARTED' } };

export function createWorkerRouter(
  workerFile: string,
  init: WorkerInit,
  onEvent: (name: string, payload: unknown) => void = () => undefined,
  opts: WorkerOptions = {},
): WorkerRouter {
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const maxRestarts = opts.maxRestarts ?? 3;
  let nextId = 1;
  let closing = false;
  let dead = false;
  let restartsInARow = 0;
  const maxCall = opts.maxCallUnits ?? maxCallUnits(opts.resourceLimits ?? CORE_WORKER_LIMITS);
  let worker = start();

  function start(): Worker {
    const w = new Worker(workerFile, { workerData: init, resourceLimits: opts.resourceLimits ?? CORE_WORKER_LIMITS });
    w.on('message', (m: FromWorker) => {
      if (m.type === 'event') onEvent(m.name, m.payload);
      else if (m.type === 'result' || m.type === 'closed') {
        restartsInARow = 0;
        const resolve = pending.get(m.id);
        pending.delete(m.id);
        resolve?.(m.type === 'result' ? m.result : { ok: true, value: null });
      }
    });
    w.on('error', (e) => console.error(`obmin: core worker failed (${e.name})`));
    w.on('exit', () => died(w));
    return w;
  }

  function died(w: Worker): void {
    if (w !== worker) return;
    const restart = !closing && restartsInARow < maxRestarts;
    for (const resolve of pending.values()) resolve(restart ? RESTARTED : WORKER_GONE);
    pending.clear();
    if (!restart) {
      dead = true;
      return;
    }
    restartsInARow++;
    worker = start();
    onEvent('locked', { reason: 'restart' });
  }

  type Outgoing = ToWorker extends infer T ? (T extends ToWorker ? Omit<T, 'id'> : never) : never;
  const send = (m: Outgoing): Promise<Result<unknown>> => {
    if (dead) return Promise.resolve(WORKER_GONE);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        worker.postMessage({ ...m, id } as ToWorker);
      } catch {
        // Not cloneable (a function, a shape that exhausts the stack): nothing reached the worker.
        pending.delete(id);
        resolve(WORKER_GONE);
      }
    });
  };

  return {
    // Measured before posting: a call the worker could not hold is refused here, and the worker never sees it.
    handle: (channel, args) => (callSize(args, maxCall) > maxCall ? Promise.resolve(tooLarge(maxCall)) : send({ type: 'call', channel, args })),
    async close() {
      await send({ type: 'close' });
      closing = true;
      await worker.terminate();
    },
  };
}
