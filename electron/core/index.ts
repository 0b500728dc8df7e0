export { Core, createCore, type CoreOptions, type LockReason } from './core';
export { defaultDataDir, dataPaths } from './paths';
export { createRouter } from './ipc/router';
export { call, type Router } from './ipc/door';
export { createWorkerRouter, type WorkerRouter } from './worker/host';
export { writeFileAtomic } from './fsutil';
