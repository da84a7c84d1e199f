import path from 'node:path';
import type { ApiContext } from '../api/context';
import { createDispatcher } from '../api/dispatcher';
import { headlessShell } from '../api/headless-shell';
import { APP_VERSION, defaultDbPath, defaultDocumentsDir } from '../core/app/paths';
import { createLiveDatabase } from '../core/backup/live-database';
import { clearLeftovers } from '../core/backup/startup';
import { openDatabase } from '../core/db/open';
import { DomainError } from '../core/errors';
import type { LeftoversReport } from '../core/files/leftovers';
import { message, messageOrText } from '../core/messages';
import { actAsConsultant } from '../core/settings/identity';
import { actAs } from '../core/settings/settings-repo';
import {
  type CliContext,
  EXIT_OK,
  EXIT_REJECTED,
  EXIT_USAGE,
  printApiError,
  RejectedError,
  UsageError,
} from './cli-context';
import { commands } from './commands';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

function usage(io: CliIo): void {
  io.out(`${message('cli.usage')}\n`);
  io.out(`${message('cli.defaultDb')}\n\n${message('cli.commands')}`);
  for (const c of commands) io.out(`  ${c.name.padEnd(12)} ${c.summary}`);
  io.out(`\n${message('cli.helpHint')}`);
}

/**
 * Takes a global option (`--name VALUE` or `--name=VALUE`) out of `args`: its value, undefined
 * when absent, null when given without a value.
 */
function takeOption(args: string[], name: string): string | undefined | null {
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const arg = args[index] ?? '';
  if (arg.startsWith(`--${name}=`)) {
    args.splice(index, 1);
    return arg.slice(name.length + 3) || null;
  }
  const value = args[index + 1];
  args.splice(index, 2);
  return value ?? null;
}

/** The CLI as a function, so tests run it in-process; main.ts only wires it to the process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const args = [...argv];
  const dbPath = takeOption(args, 'db');
  if (dbPath === null) {
    io.err(message('cli.dbNeedsPath'));
    return EXIT_USAGE;
  }
  const asName = takeOption(args, 'as');
  if (asName === null || asName?.trim() === '') {
    io.err(message('cli.asNeedsName'));
    return EXIT_USAGE;
  }
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(message('cli.unknownCommand', { name }));
    usage(io);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${message('cli.commandUsage', { usage: command.usage })}\n\n${command.summary}`);
    return EXIT_OK;
  }
  const resolved = path.resolve(dbPath ?? defaultDbPath(io.env));
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(resolved);
  } catch (err) {
    io.err(
      err instanceof DomainError
        ? message(err.key, err.params)
        : message('cli.cannotOpen', { path: resolved, error: String(err) }),
    );
    return EXIT_REJECTED;
  }
  const db = opened;
  // "Me" for this run only: --as works as a colleague without changing anybody's settings.
  let me: string | undefined;
  if (asName !== undefined) {
    try {
      me = actAsConsultant(db, asName).name;
    } catch (err) {
      db.close();
      if (!(err instanceof DomainError)) throw err;
      io.err(message('cli.error', { message: message(err.key, err.params) }));
      return EXIT_REJECTED;
    }
  }
  // Every command starts by settling what a killed write left (core/backup/startup.ts).
  let leftovers: LeftoversReport = { finished: 0, removed: {} };
  try {
    leftovers = clearLeftovers(db, resolved);
  } catch (err) {
    io.err(message('cli.leftoversFailed', { error: err instanceof Error ? err.message : String(err) }));
  }
  // The same dispatcher as the window and browser mode, so the CLI's calls are checked and logged alike.
  const api: ApiContext = {
    db,
    dbPath: resolved,
    transport: 'cli',
    appVersion: APP_VERSION,
    emit: () => {},
    shell: headlessShell(defaultDocumentsDir(resolved)),
  };
  // `restore` swaps the file under this connection; what runs after it uses the new one.
  api.live = createLiveDatabase(
    resolved,
    (file) => openDatabase(file),
    (next) => {
      api.db = next;
      if (me !== undefined) actAs(next, me);
    },
    db,
  );
  const ctx: CliContext = {
    get db() {
      return api.db;
    },
    dbPath: resolved,
    leftovers,
    out: io.out,
    err: io.err,
    dispatch: createDispatcher(api),
  };
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${message('cli.commandUsage', { usage: command.usage })}`);
      return EXIT_USAGE;
    }
    if (err instanceof RejectedError) {
      printApiError(ctx, err.error);
      return EXIT_REJECTED;
    }
    if (err instanceof DomainError) {
      io.err(message('cli.error', { message: message(err.key, err.params) }));
      for (const f of err.fields) io.err(`  ${f.field}: ${messageOrText(f.message, f.params)}`);
      return EXIT_REJECTED;
    }
    throw err;
  } finally {
    api.db.close();
  }
}
