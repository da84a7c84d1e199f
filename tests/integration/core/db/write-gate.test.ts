import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkedWrite } from '../../../../src-main/core/db/chunked-write';
import { exclusiveOpen, withShared } from '../../../../src-main/core/db/write-gate';
import { NO_JOB } from '../../../../src-main/core/interop/job';
import { getSetting, setSetting } from '../../../../src-main/core/settings/settings-repo';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

/**
 * A chunked write holds its transaction open across the event loop; the gate keeps every other
 * call on the connection out of it (core/db/write-gate.ts).
 */
let store: TestStore;
beforeEach(() => {
  store = openTestStore();
});
afterEach(() => store.close());

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const job = (controller = new AbortController()) => ({ signal: controller.signal, progress: () => {} });

/** Writes `key` = 1, 2, 3 in three chunks. */
const countTo3 = (key: string, j = NO_JOB) =>
  chunkedWrite(store.db, j, async (pause) => {
    for (let i = 1; i <= 3; i++) {
      setSetting(store.db, key, i);
      await pause(i, 3);
    }
    return 'done';
  });

describe('a chunked write on a shared connection', () => {
  it('waits for a call that is still running, and that call never sees it half-done', async () => {
    const seen: number[] = [];
    let release = () => {};
    const running = withShared(store.db, async () => {
      seen.push(getSetting(store.db, 'k', 0));
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      seen.push(getSetting(store.db, 'k', 0));
    });
    const write = countTo3('k', job());
    for (let i = 0; i < 5; i++) await tick();
    expect(exclusiveOpen(store.db)).toBe(false);
    release();
    await running;
    expect(await write).toBe('done');
    expect(seen).toEqual([0, 0]);
    expect(getSetting(store.db, 'k', 0)).toBe(3);
  });

  it('is cancelled while it waits for the gate, writing nothing', async () => {
    let release = () => {};
    const running = withShared(store.db, () => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const write = countTo3('k', job(controller));
    await tick();
    controller.abort();
    await expect(write).rejects.toMatchObject({ code: 'cancelled' });
    release();
    await running;
    expect(getSetting(store.db, 'k', 0)).toBe(0);
  });

  it('fails and rolls back when something wrote past the gate between its chunks', async () => {
    const write = chunkedWrite(store.db, job(), async (pause) => {
      setSetting(store.db, 'k', 1);
      await pause(1, 2);
      setSetting(store.db, 'k', 2);
      await pause(2, 2);
    });
    // A write that does not go through the gate lands inside the open transaction.
    await tick();
    setSetting(store.db, 'other', 1);
    await expect(write).rejects.toThrow(/another write/);
    expect(store.db.inTransaction).toBe(false);
    expect(getSetting(store.db, 'k', 0)).toBe(0);
    expect(exclusiveOpen(store.db)).toBe(false);
  });

  it('lets calls that arrived while it was open run afterwards, in order', async () => {
    const order: string[] = [];
    const write = countTo3('k', {
      ...job(),
      progress: (done) => {
        if (done === 1) {
          void withShared(store.db, () => order.push(`read ${getSetting(store.db, 'k', 0)}`));
        }
      },
    });
    await write;
    await tick();
    expect(order).toEqual(['read 3']);
  });
});
