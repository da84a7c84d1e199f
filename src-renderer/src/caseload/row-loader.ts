import { useEffect, useRef } from 'react';
import { PageCache } from './page-cache';

/**
 * How long a search's first page stays on screen before its count is asked for. Counting lists
 * every match (tens of milliseconds for a common word at 100,000 firms) and the server answers one
 * query at a time, so a count asked for between two key presses held up the next word's page; a
 * consultant still typing never waits this long between keys.
 */
export const COUNT_PAUSE_MS = 300;

export interface PageResult<T> {
  rows: T[];
  /** Null when the matches are not counted yet (the next page counts them). */
  total: number | null;
}

/**
 * Fetches the pages the table is looking at, at most `parallel` at a time. When a request ends it
 * asks for whatever the table shows *now*, so dragging the scrollbar across 100,000 rows fetches
 * the rows where it stops, not every page it passed.
 */
export class RowLoader<T> {
  readonly cache: PageCache<T>;
  private range = { start: 0, end: 0 };
  private inFlight = 0;
  private live = false;
  /** False while an earlier query's requests are still out (see `start`). */
  private ready = true;
  private waitFor: Promise<unknown> = Promise.resolve();
  private readonly drained: Array<() => void> = [];
  private readonly failed = new Set<number>();
  /** The job ids of the requests out, so a query that is replaced can cancel them. */
  private readonly out = new Set<string>();
  private static loaders = 0;
  private readonly name = `rows-${++RowLoader.loaders}`;

  constructor(
    private readonly fetchPage: (offset: number, limit: number, jobId: string) => Promise<PageResult<T>>,
    private readonly onChange: () => void,
    private readonly onError: (err: unknown) => void,
    private readonly parallel = 2,
    pageSize = 100,
    /** Asks the server to drop a request nobody waits for any more (`jobs.cancel`). */
    private readonly cancelRequest: (jobId: string) => void = () => {},
    private readonly countPauseMs = COUNT_PAUSE_MS,
  ) {
    this.cache = new PageCache<T>(pageSize);
  }

  /**
   * Starts fetching. Given the loader of the query this one replaces, it cancels that loader's
   * requests and waits until they are back: a search typed letter by letter would otherwise queue a
   * query per letter ahead of the one the consultant wants. Loaders replaced while waiting never
   * send anything, so at most one query is waiting at any time.
   */
  start(previous?: RowLoader<unknown> | null): void {
    this.live = true;
    if (!previous || previous === (this as RowLoader<unknown>)) {
      this.pump();
      return;
    }
    previous.cancel();
    this.ready = false;
    this.waitFor = previous.idle();
    void this.waitFor.then(() => {
      this.ready = true;
      this.pump();
    });
  }

  stop(): void {
    this.live = false;
  }

  /** Cancels the requests out (their pages stay missing); the server stops working on them. */
  cancel(): void {
    for (const jobId of this.out) this.cancelRequest(jobId);
  }

  /** Resolves once neither this loader nor the ones it waited for has a request out. */
  idle(): Promise<void> {
    return this.waitFor.then(() =>
      this.inFlight === 0 ? undefined : new Promise<void>((resolve) => this.drained.push(resolve)),
    );
  }

  /** The rows on screen (plus overscan); pages outside it are not fetched. */
  setRange(start: number, end: number): void {
    if (start === this.range.start && end === this.range.end) return;
    this.range = { start, end: Math.max(start, end) };
    this.failed.clear();
    this.pump();
  }

  private pump(): void {
    if (!this.live || !this.ready) return;
    const { start, end } = this.range;
    const centre = this.cache.pageOf(Math.floor((start + end) / 2));
    const wanted = this.cache
      .missingPages(start, end)
      .filter((p) => !this.failed.has(p))
      .sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
    for (const page of wanted) {
      if (this.inFlight >= this.parallel) return;
      this.request(page);
    }
  }

  private requestCount(next: number): void {
    if (!this.live || this.cache.counted || this.cache.has(next) || this.cache.isPending(next)) return;
    this.request(next);
  }

  private request(page: number): void {
    this.cache.markPending(page);
    this.inFlight++;
    const jobId = `${this.name}-${page}`;
    this.out.add(jobId);
    this.fetchPage(page * this.cache.pageSize, this.cache.pageSize, jobId)
      .then(
        (result) => {
          this.cache.put(page, result.rows, result.total);
          // The count comes with the next page; ask for it even if the table does not show it yet,
          // once the consultant has paused: a query replaced meanwhile never asks.
          if (!this.cache.counted) setTimeout(() => this.requestCount(page + 1), this.countPauseMs);
          if (this.live) this.onChange();
        },
        (err: unknown) => {
          this.cache.release(page);
          this.failed.add(page);
          if (this.live) this.onError(err);
        },
      )
      .finally(() => {
        this.out.delete(jobId);
        this.inFlight--;
        if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
        this.pump();
      });
  }
}

/**
 * Runs the loader a table reads from: a new query's loader waits for the one it replaces (see
 * `start`), so typing queues no queries, and each is stopped when replaced or unmounted.
 */
export function useRunningLoader<T>(loader: RowLoader<T>): void {
  const previous = useRef<RowLoader<T> | null>(null);
  useEffect(() => {
    loader.start(previous.current);
    previous.current = loader;
    return () => loader.stop();
  }, [loader]);
}
