import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge';

/**
 * Sandboxed preload (built as CommonJS, out/preload/preload.cjs): exposes `window.bindeled` and
 * nothing else. All logic lives in bridge.ts, which the tests exercise without Electron.
 */
exposeBridge(contextBridge, ipcRenderer);
