// The host side: a Router whose calls run in the core worker. Same interface as createRouter, so main never knows.
import { Worker } from 'node:worker_threads';
import type { Result } from '../../../shared/errors';
import type { Router } from '../ipc/router';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface WorkerRouter extends Router {
  close(): Promise<void>;
}

const WORKER_GONE: Result<never> = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };

export function createWorkerRouter(workerFile: string, init: WorkerInit, onEvent: (name: string, payload: unknown) => void = () => undefined): WorkerRouter {
  const worker = new Worker(workerFile, { workerData: init });
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  let dead = false;
  const failAll = () => {
    dead = true;
    for (const resolve of pending.values()) resolve(WORKER_GONE);
    pending.clear();
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'event') onEvent(m.name, m.payload);
    else if (m.type === 'result' || m.type === 'closed') {
      const resolve = pending.get(m.id);
      pending.delete(m.id);
      resolve?.(m.type === 'result' ? m.result : { ok: true, value: null });
    }
  });
  worker.on('error', () => {
    console.error('obmin: core worker failed');
    failAll();
  });
  worker.on('exit', failAll);

  type Outgoing = ToWorker extends infer T ? (T extends ToWorker ? Omit<T, 'id'> : never) : never;
  const send = (m: Outgoing): Promise<Result<unknown>> => {
    if (dead) return Promise.resolve(WORKER_GONE);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ ...m, id } as ToWorker);
    });
  };

  return {
    handle: (channel, args) => send({ type: 'call', channel, args }),
    async close() {
      await send({ type: 'close' });
      await worker.terminate();
    },
  };
}
