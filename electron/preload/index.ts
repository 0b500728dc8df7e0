// Sandboxed preload: only `electron` is required at run time; everything else is bundled by esbuild.
import './zod-csp';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_PREFIX } from '../../shared/ipc/contract';
import { buildObminApi } from './api';
import { guardFileDrops } from './drop';

// Belt and braces with webPreferences.navigateOnDragDrop: false.
guardFileDrops(globalThis as Parameters<typeof guardFileDrops>[0]);

contextBridge.exposeInMainWorld(
  'obmin',
  buildObminApi(
    (channel, args) => ipcRenderer.invoke(CHANNEL_PREFIX + channel, args),
    (event, listener) => {
      const name = `${CHANNEL_PREFIX}event:${event}`;
      // The IpcRendererEvent is never handed on: its `sender` is ipcRenderer itself.
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(name, handler);
      return () => {
        ipcRenderer.removeListener(name, handler);
      };
    },
  ),
);
