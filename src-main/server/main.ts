import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { JobProgress } from '../api/contract';
import { startDbHost } from '../api/db-worker/host';
import { headlessShell } from '../api/headless-shell';
import { APP_VERSION, defaultDbPath, defaultDocumentsDir, uploadsDir } from '../core/app/paths';
import { DomainError } from '../core/errors';
import { message } from '../core/messages';
import { startWebServer } from './server';

/** `npm run web -- --db PATH --port N`: the real UI and database in a browser on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5180' },
      static: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(message('app.server.usage'));
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(message('app.server.badPort', { port: values.port }));
    process.exit(2);
  }
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(values.static ?? path.join(here, '..', '..', 'out', 'renderer'));
  let emit: (e: JobProgress) => void = () => {};
  // SQLite runs in the database threads: a slow query never holds the server's own thread.
  // What a crash left is settled before the server takes a request; the daily backup goes on meanwhile.
  const host = await startDbHost({
    dbPath,
    transport: 'http',
    appVersion: APP_VERSION,
    emit: (e) => emit(e),
    shell: headlessShell(defaultDocumentsDir(dbPath)),
    startupSafety: true,
  });
  const server = await startWebServer({
    dispatch: host.dispatch,
    staticDir,
    port,
    resolveDownload: (p) => host.writtenFile(p),
    uploadDir: uploadsDir(dbPath),
  });
  emit = server.emit;
  console.log(message('app.server.running', { url: server.url }));
  console.log(`Database: ${dbPath}`);
  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof DomainError ? message(err.key, err.params) : err instanceof Error ? err.message : err);
  process.exit(1);
});
