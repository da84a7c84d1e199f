import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ApiContext } from '../api/context';
import type { JobProgress } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import { headlessShell } from '../api/headless-shell';
import { APP_VERSION, defaultDbPath, defaultDocumentsDir, uploadsDir } from '../core/app/paths';
import { createLiveDatabase } from '../core/backup/live-database';
import { startupSafetyInBackground } from '../core/backup/startup';
import { openDatabase } from '../core/db/open';
import { DomainError } from '../core/errors';
import { assertWrittenFile } from '../core/files/written-files';
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
  const db = openDatabase(dbPath);
  // What a crash left is settled before the server takes a request; the daily backup goes on meanwhile.
  void startupSafetyInBackground(db, dbPath);
  const ctx: ApiContext = {
    db,
    dbPath,
    transport: 'http',
    appVersion: APP_VERSION,
    emit: (e) => emit(e),
    shell: headlessShell(defaultDocumentsDir(dbPath)),
  };
  // As in the desktop app: a restore from the Settings page swaps the file under the running server.
  ctx.live = createLiveDatabase(
    dbPath,
    (file) => openDatabase(file),
    (next) => {
      ctx.db = next;
    },
    ctx.db,
  );
  const dispatch = createDispatcher(ctx);
  const server = await startWebServer({
    dispatch,
    staticDir,
    port,
    resolveDownload: (p) => assertWrittenFile(ctx.db, p),
    uploadDir: uploadsDir(dbPath),
  });
  emit = server.emit;
  console.log(message('app.server.running', { url: server.url }));
  console.log(`Database: ${dbPath}`);
  const stop = async () => {
    await server.close();
    ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof DomainError ? message(err.key, err.params) : err instanceof Error ? err.message : err);
  process.exit(1);
});
