import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread whose code is a module of the app. Built (electron-vite), the module is
 * its own entry, `built`, emitted beside the app's entries: beside the bundle that calls this
 * (`here` is its import.meta.url), or one folder up when the caller's code went into a shared
 * chunk (`chunks/`). Run from the TypeScript sources (browser mode under tsx, vitest, the bench),
 * the thread first registers tsx's loader and then imports `source`, relative to `here`.
 */
export function spawnModuleWorker(
  here: string,
  files: { built: string; source: string },
  options: Omit<WorkerOptions, 'eval'>,
): Worker {
  if (!here.endsWith('.ts')) {
    const beside = new URL(files.built, here);
    const up = new URL(`../${files.built.replace(/^\.\//, '')}`, here);
    return new Worker(fs.existsSync(fileURLToPath(beside)) ? beside : up, options);
  }
  const entry = new URL(files.source, here).href;
  // The ES module build of tsx's API (a require() would find its CommonJS twin).
  const tsxRoot = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
