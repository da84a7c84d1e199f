import { PageCache } from './page-cache';

export interface PageResult<T> {
  rows: T[];
  total: number;
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
  private readonly failed = new Set<number>();

  constructor(
    private readonly fetchPage: (offset: number, limit: number) => Promise<PageResult<T>>,
    private readonly onChange: () => void,
    private readonly onError: (err: unknown) => void,
    private readonly parallel = 2,
    pageSize = 100,
  ) {
    this.cache = new PageCache<T>(pageSize);
  }

  start(): void {
    this.live = true;
    this.pump();
  }

  stop(): void {
    this.live = false;
  }

  /** The rows on screen (plus overscan); pages outside it are not fetched. */
  setRange(start: number, end: number): void {
    if (start === this.range.start && end === this.range.end) return;
    this.range = { start, end: Math.max(start, end) };
    this.failed.clear();
    this.pump();
  }

  private pump(): void {
    if (!this.live) return;
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

  private request(page: number): void {
    this.cache.markPending(page);
    this.inFlight++;
    this.fetchPage(page * this.cache.pageSize, this.cache.pageSize)
      .then(
        (result) => {
          this.cache.put(page, result.rows, result.total);
          if (this.live) this.onChange();
        },
        (err: unknown) => {
          this.cache.release(page);
          this.failed.add(page);
          if (this.live) this.onError(err);
        },
      )
      .finally(() => {
        this.inFlight--;
        this.pump();
      });
  }
}
