import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Builds the three parts of the desktop app from the customer's folders. Main and preload keep
 * better-sqlite3 external (a native module); the preload is CommonJS because sandboxed preloads
 * cannot be ES modules.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The database thread is its own entry, emitted beside main.js (api/db-worker/host.ts finds it there).
        input: {
          main: resolve(__dirname, 'src-main/electron/main.ts'),
          'db-worker': resolve(__dirname, 'src-main/api/db-worker/worker.ts'),
          // The XLSX export's row thread, found beside the bundle that starts it (interop/xlsx/xlsx-row-thread.ts).
          'xlsx-rows-worker': resolve(__dirname, 'src-main/core/interop/xlsx/xlsx-rows-worker.ts'),
        },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
