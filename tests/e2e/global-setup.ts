import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILT = path.join(ROOT, 'out', 'renderer', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

/** The tests drive the built renderer; build it once when it is missing or older than its sources. */
export default function globalSetup(): void {
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src-renderer')),
    newestMtime(path.join(ROOT, 'src-main', 'api', 'contract')),
  );
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  console.log('[e2e] building the renderer (out/renderer is missing or stale)');
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
