import type { Database } from 'better-sqlite3';
import { checkpoint, type JobControl } from '../interop/job';
import { stmt } from './sql';
import { withExclusive } from './write-gate';

/** Reports how far the work is, gives the event loop back, and stops if the job was cancelled. */
export type Pause = (done: number, total: number) => Promise<void>;

const totalChanges = (db: Database) => (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;

/**
 * One write too large to hold the event loop for: still one transaction, all or nothing, but done
 * in chunks with `pause` between them, so progress reaches the window and `jobs.cancel` stops it
 * while it writes. `body` does its writes synchronously between pauses.
 *
 * The transaction is opened with BEGIN IMMEDIATE (the write lock from the start, so it cannot fail
 * half-way for want of it) and the connection is held exclusive (write-gate.ts): no other call
 * runs on it until this commits or rolls back. A throw from `body`, a cancel seen at a pause or a
 * killed process leave the database as it was. As a guard, a write by anyone else between chunks
 * (something that bypassed the gate) fails the whole write rather than be committed or lost with it.
 * `body` must not await a call through the dispatcher: that call would wait for this write to end.
 */
export async function chunkedWrite<T>(db: Database, job: JobControl, body: (pause: Pause) => Promise<T>): Promise<T> {
  return withExclusive(
    db,
    async () => {
      if (db.inTransaction) throw new Error('chunkedWrite inside another transaction');
      db.exec('BEGIN IMMEDIATE');
      try {
        const value = await body(async (done, total) => {
          job.progress(done, total);
          const before = totalChanges(db);
          await checkpoint(job.signal);
          if (totalChanges(db) !== before || !db.inTransaction) {
            throw new Error('another write ran inside an open chunked write');
          }
        });
        db.exec('COMMIT');
        return value;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
    job.signal,
  );
}
