import { describe, expect, it, vi } from 'vitest';
import { PageCache } from '../../../../src-renderer/src/caseload/page-cache';
import { RowLoader } from '../../../../src-renderer/src/caseload/row-loader';

const rows = (page: number, size: number, total: number) =>
  Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, i) => page * size + i);

describe('the caseload page cache', () => {
  it('finds rows by index across pages and reports the pages still missing', () => {
    const cache = new PageCache<number>(100);
    expect(cache.missingPages(0, 250)).toEqual([0, 1, 2]);
    cache.put(1, rows(1, 100, 1000), 1000);
    expect(cache.get(150)).toBe(150);
    expect(cache.get(50)).toBeUndefined();
    cache.markPending(0);
    expect(cache.missingPages(0, 250)).toEqual([2]);
    cache.release(0);
    expect(cache.missingPages(0, 250)).toEqual([0, 2]);
  });

  it('never asks for pages past the end once the total is known', () => {
    const cache = new PageCache<number>(100);
    cache.put(0, rows(0, 100, 130), 130);
    expect(cache.missingPages(0, 5000)).toEqual([1]);
  });

  it('takes a first page without a count as "these rows so far" until a page brings the count', () => {
    const cache = new PageCache<number>(100);
    cache.put(0, rows(0, 100, 5000), null);
    expect(cache.counted).toBe(false);
    expect(cache.total).toBe(100);
    cache.put(1, rows(1, 100, 5000), 5000);
    expect(cache.counted).toBe(true);
    expect(cache.total).toBe(5000);
    // A later page without a count does not undo one that is known.
    cache.put(0, rows(0, 100, 5000), null);
    expect(cache.total).toBe(5000);
  });

  it('keeps at most maxPages pages, dropping those farthest from the newest', () => {
    const cache = new PageCache<number>(100, 3);
    for (const p of [0, 1, 2, 3, 50]) cache.put(p, rows(p, 100, 100_000), 100_000);
    expect(cache.loadedPages.sort((a, b) => a - b)).toEqual([2, 3, 50]);
  });
});

describe('the row loader', () => {
  function fakeServer(total: number) {
    const requests: number[] = [];
    const waiting: Array<() => void> = [];
    const fetchPage = (offset: number, limit: number) =>
      new Promise<{ rows: number[]; total: number }>((resolve) => {
        requests.push(offset);
        waiting.push(() => resolve({ rows: rows(offset / limit, limit, total), total }));
      });
    const answerAll = async () => {
      while (waiting.length) {
        waiting.shift()?.();
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    return { requests, fetchPage, answerAll };
  }

  it('fetches only the pages on screen, two at a time, where the scrollbar stops', async () => {
    const server = fakeServer(100_000);
    let changes = 0;
    const loader = new RowLoader<number>(
      server.fetchPage,
      () => changes++,
      () => {},
      2,
      100,
    );
    loader.start();
    expect(server.requests).toEqual([0]);
    await server.answerAll();
    expect(loader.cache.total).toBe(100_000);

    // Dragging the scrollbar: ranges pass by while two requests are out; only the last one counts.
    loader.setRange(20_000, 20_040);
    loader.setRange(40_000, 40_040);
    loader.setRange(60_000, 60_040);
    loader.setRange(99_950, 99_999);
    expect(server.requests).toEqual([0, 20_000, 40_000]);
    await server.answerAll();
    expect(server.requests).toEqual([0, 20_000, 40_000, 99_900]);
    expect(loader.cache.get(99_999)).toBe(99_999);
    expect(changes).toBe(4);
    // The whole caseload was never asked for: 4 pages of 100.
    expect(server.requests.length * 100).toBeLessThan(1000);
  });

  it('asks for the next page when the first came without a count, and shows the count it brings', async () => {
    const requests: number[] = [];
    const loader = new RowLoader<number>(
      (offset, limit) => {
        requests.push(offset);
        return Promise.resolve({ rows: rows(offset / limit, limit, 5000), total: offset === 0 ? null : 5000 });
      },
      () => {},
      () => {},
      2,
      100,
      () => {},
      0,
    );
    loader.setRange(0, 30);
    loader.start();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(requests).toEqual([0, 100]);
    expect(loader.cache.counted).toBe(true);
    expect(loader.cache.total).toBe(5000);
  });

  it('never asks for the count of a query replaced before the pause is over', async () => {
    vi.useFakeTimers();
    const requests: number[] = [];
    const loader = new RowLoader<number>(
      (offset, limit) => {
        requests.push(offset);
        return Promise.resolve({ rows: rows(offset / limit, limit, 5000), total: offset === 0 ? null : 5000 });
      },
      () => {},
      () => {},
      2,
      100,
      () => {},
      20,
    );
    loader.setRange(0, 30);
    loader.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toEqual([0]);
    // The next letter is typed: this query is replaced, and the server is left to the next one.
    loader.stop();
    await vi.advanceTimersByTimeAsync(40);
    expect(requests).toEqual([0]);
    expect(loader.cache.counted).toBe(false);
    vi.useRealTimers();
  });

  it('stops reporting once the query it belongs to was replaced', async () => {
    const server = fakeServer(500);
    let changes = 0;
    const loader = new RowLoader<number>(
      server.fetchPage,
      () => changes++,
      () => {},
      2,
      100,
    );
    loader.start();
    loader.stop();
    await server.answerAll();
    expect(changes).toBe(0);
  });

  it('reports a failed page once and asks again after the view moves', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const requests: number[] = [];
    const loader = new RowLoader<number>(
      (offset) => {
        requests.push(offset);
        return fail ? Promise.reject(new Error('down')) : Promise.resolve({ rows: [offset], total: 1 });
      },
      () => {},
      (err) => errors.push(err),
      2,
      100,
    );
    loader.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    expect(requests).toEqual([0]);
    fail = false;
    loader.setRange(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(requests).toEqual([0, 0]);
    expect(loader.cache.get(0)).toBe(0);
  });

  it('sends a new query only after the one it replaces is back, and skips the queries replaced meanwhile', async () => {
    const server = fakeServer(1000);
    const make = () =>
      new RowLoader<number>(
        server.fetchPage,
        () => {},
        () => {},
        2,
        100,
      );
    const first = make();
    first.start();
    expect(server.requests).toEqual([0]);

    // Two more letters typed while the first query is still out: neither is sent yet.
    first.stop();
    const second = make();
    second.start(first);
    second.stop();
    const third = make();
    third.start(second);
    await new Promise((r) => setTimeout(r, 0));
    expect(server.requests).toEqual([0]);

    // The first answers: only the newest query goes out, and its rows arrive.
    await server.answerAll();
    expect(server.requests).toEqual([0, 0]);
    expect(third.cache.get(5)).toBe(5);
    expect(second.cache.total).toBeNull();
  });

  it('cancels the requests of the query it replaces, and fetches once they are back', async () => {
    const cancelled: string[] = [];
    const answers = new Map<string, (r: { rows: number[]; total: number }) => void>();
    const requests: Array<{ offset: number; jobId: string }> = [];
    const fetchPage = (offset: number, _limit: number, jobId: string) =>
      new Promise<{ rows: number[]; total: number }>((resolve, reject) => {
        requests.push({ offset, jobId });
        answers.set(jobId, resolve);
        // The server ends a cancelled request at once, as the database threads do.
        cancelledHook.set(jobId, () => reject(new Error('cancelled')));
      });
    const cancelledHook = new Map<string, () => void>();
    const cancel = (jobId: string) => {
      cancelled.push(jobId);
      cancelledHook.get(jobId)?.();
    };
    const typed = new RowLoader<number>(
      fetchPage,
      () => {},
      () => {},
      2,
      100,
      cancel,
    );
    typed.start();
    const first = requests[0]?.jobId ?? '';
    typed.stop();
    const next = new RowLoader<number>(
      fetchPage,
      () => {},
      () => {},
      2,
      100,
      cancel,
    );
    next.start(typed);
    expect(cancelled).toEqual([first]);
    await new Promise((r) => setTimeout(r, 0));
    expect(requests).toHaveLength(2);
    answers.get(requests[1]?.jobId ?? '')?.({ rows: rows(0, 100, 300), total: 300 });
    await new Promise((r) => setTimeout(r, 0));
    expect(next.cache.get(5)).toBe(5);
  });
});
