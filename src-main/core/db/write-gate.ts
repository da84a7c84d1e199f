import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 'better-sqlite3';
import { throwIfCancelled } from '../interop/job';

/**
 * Who may use a connection while a transaction stays open across the event loop.
 *
 * Every other write is one synchronous transaction, so calls on one connection never see each
 * other half-done. A chunked write (chunked-write.ts) keeps its transaction open while it gives
 * the event loop back between chunks, so progress and `jobs.cancel` get through. On the same
 * connection anything that ran then would read its uncommitted rows, and a write would join its
 * transaction (better-sqlite3 nests it as a savepoint) and be committed or rolled back with it.
 *
 * So the connection has a gate with two modes. Calls hold it *shared* for as long as they run
 * (the dispatcher wraps every handler, so an import or export that spans many awaits holds it to
 * its end); any number may run together, as before. A chunked write holds it *exclusive*: it waits
 * until no call is running and then runs alone; calls that arrive meanwhile wait until it has
 * committed or rolled back, so they read the committed state. `jobs.cancel` does not pass
 * the gate. A waiting chunked write does not hold new calls back (a call waiting on a dialog the
 * user still has open must not stall the window); it starts at the first moment nothing runs.
 */
interface Gate {
  shared: number;
  exclusive: boolean;
  waiting: Array<{ exclusive: boolean; admit: () => void }>;
}

/** What the running async context holds, so a handler's chunked write can trade its own slot. */
interface Hold {
  db: Database;
  mode: 'shared' | 'exclusive';
  holding: boolean;
}

const gates = new WeakMap<Database, Gate>();
const current = new AsyncLocalStorage<Hold>();

function gateOf(db: Database): Gate {
  let g = gates.get(db);
  if (!g) {
    g = { shared: 0, exclusive: false, waiting: [] };
    gates.set(db, g);
  }
  return g;
}

const free = (g: Gate, exclusive: boolean) => !g.exclusive && (!exclusive || g.shared === 0);

function take(g: Gate, exclusive: boolean): void {
  if (exclusive) g.exclusive = true;
  else g.shared++;
}

/** Lets in, in arrival order, every waiter the gate's state now admits. */
function wake(g: Gate): void {
  for (const w of [...g.waiting]) {
    if (!free(g, w.exclusive)) continue;
    g.waiting.splice(g.waiting.indexOf(w), 1);
    take(g, w.exclusive);
    w.admit();
  }
}

function acquire(g: Gate, exclusive: boolean, signal?: AbortSignal): Promise<void> | null {
  if (free(g, exclusive) && (exclusive || !g.waiting.some((w) => !w.exclusive))) {
    take(g, exclusive);
    return null;
  }
  return new Promise<void>((resolve, reject) => {
    const waiter = {
      exclusive,
      admit: () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
    };
    const onAbort = () => {
      const i = g.waiting.indexOf(waiter);
      if (i < 0) return;
      g.waiting.splice(i, 1);
      try {
        throwIfCancelled(signal as AbortSignal);
      } catch (err) {
        reject(err);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    g.waiting.push(waiter);
  });
}

function release(g: Gate, exclusive: boolean): void {
  if (exclusive) g.exclusive = false;
  else g.shared--;
  wake(g);
}

/**
 * Runs `fn` holding the connection shared: at once (synchronously up to its first await) unless a
 * chunked write is open, else when it has finished. Re-entrant within one call. A call started
 * from inside a chunked write (its progress callback, say) is another call and waits for it.
 */
export async function withShared<T>(db: Database, fn: () => T | Promise<T>): Promise<T> {
  const held = current.getStore();
  if (held?.db === db && held.holding && held.mode === 'shared') return fn();
  const g = gateOf(db);
  const wait = acquire(g, false);
  if (wait) await wait;
  const hold: Hold = { db, mode: 'shared', holding: true };
  try {
    return await current.run(hold, fn);
  } finally {
    if (hold.holding) release(g, false);
  }
}

/**
 * Runs `fn` alone on the connection: waits (cancellable through `signal`) until no other call
 * runs, and keeps every call that arrives out until `fn` has settled. A call that holds the
 * connection shared gives its slot up while it waits and takes it back afterwards.
 */
export async function withExclusive<T>(db: Database, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const held = current.getStore();
  if (held?.db === db && held.mode === 'exclusive')
    throw new Error('a chunked write is already open on this connection');
  if (signal) throwIfCancelled(signal);
  const g = gateOf(db);
  const mine = held?.db === db && held.holding ? held : null;
  if (mine) {
    mine.holding = false;
    release(g, false);
  }
  try {
    const wait = acquire(g, true, signal);
    if (wait) await wait;
    try {
      return await current.run({ db, mode: 'exclusive', holding: true }, fn);
    } finally {
      release(g, true);
    }
  } finally {
    if (mine) {
      const back = acquire(g, false);
      if (back) await back;
      mine.holding = true;
    }
  }
}

/** Whether a chunked write holds the connection now (for tests and diagnostics). */
export function exclusiveOpen(db: Database): boolean {
  return gates.get(db)?.exclusive ?? false;
}
