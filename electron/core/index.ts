export { Core, createCore, type CoreOptions, type LockReason } from './core';
export { defaultDataDir, dataPaths } from './paths';
export { createRouter, type Router } from './ipc/router';
export { createWorkerRouter, type WorkerRouter } from './worker/host';
export { writeFileAtomic } from './fsutil';
