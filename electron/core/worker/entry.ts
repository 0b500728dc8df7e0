// Runs the core and its router inside a worker thread, so imports, matching and KDFs never block the Electron main loop.
import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../core';
import { createRouter } from '../ipc/router';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

const port = parentPort;
if (!port) throw new Error('core worker: no parent port');
const init = workerData as WorkerInit;
const post = (m: FromWorker) => port.postMessage(m);
const core = createCore({ dataDir: init.dataDir, kdf: init.kdf, onEvent: (name, payload) => post({ type: 'event', name, payload }) });
const router = createRouter(core);

port.on('message', (m: ToWorker) => {
  if (m.type === 'call') {
    void router.handle(m.channel, m.args).then((result) => post({ type: 'result', id: m.id, result }));
  } else if (m.type === 'close') {
    // A lock skips the router's queue: it rolls back any long work in flight (all-or-nothing) and closes at once.
    void router.handle('vault.lock', { reason: 'manual' }).finally(() => post({ type: 'closed', id: m.id }));
  }
});
