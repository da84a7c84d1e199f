import { register } from 'node:module';

/**
 * `node --import tsx --import ./bench/lib/electron-stand-in-hook.mjs …`: `electron` resolves to the
 * test double in tests/helpers/electron-stand-in.ts, so the desktop main module runs under Node.
 */
const standIn = new URL('../../tests/helpers/electron-stand-in.ts', import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: ${JSON.stringify(standIn)}, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
