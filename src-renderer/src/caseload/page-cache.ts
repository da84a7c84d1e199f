/**
 * Rows of one caseload query, held page by page. Only pages near what the consultant looks at
 * are kept, so scrolling through 100,000 companies never holds them all.
 */
export class PageCache<T> {
  readonly pageSize: number;
  readonly maxPages: number;
  total: number | null = null;
  /**
   * False while `total` is only the rows so far: a search's first page can come back before its
   * matches are counted, and the next page brings the count.
   */
  counted = true;
  private readonly pages = new Map<number, T[]>();
  private readonly pending = new Set<number>();

  constructor(pageSize = 100, maxPages = 40) {
    this.pageSize = pageSize;
    this.maxPages = maxPages;
  }

  pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  get(index: number): T | undefined {
    return this.pages.get(this.pageOf(index))?.[index % this.pageSize];
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  isPending(page: number): boolean {
    return this.pending.has(page);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get loadedPages(): number[] {
    return [...this.pages.keys()];
  }

  /** Pages covering rows start..end (inclusive) that are neither loaded nor being fetched, nearest first. */
  missingPages(start: number, end: number): number[] {
    const last = this.total === null ? this.pageOf(end) : Math.min(this.pageOf(end), this.lastPage());
    const first = Math.max(0, this.pageOf(start));
    const out: number[] = [];
    for (let p = first; p <= last; p++) if (!this.pages.has(p) && !this.pending.has(p)) out.push(p);
    return out;
  }

  markPending(page: number): void {
    this.pending.add(page);
  }

  /** A failed fetch: the page may be asked for again. */
  release(page: number): void {
    this.pending.delete(page);
  }

  /** Stores a page and forgets the pages farthest from it when over the limit; null: not counted yet. */
  put(page: number, rows: T[], total: number | null): void {
    this.pending.delete(page);
    this.pages.set(page, rows);
    if (total !== null) {
      this.total = total;
      this.counted = true;
    } else if (this.total === null || !this.counted) {
      this.total = Math.max(this.total ?? 0, page * this.pageSize + rows.length);
      this.counted = false;
    }
    if (this.pages.size <= this.maxPages) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const p of far.slice(0, this.pages.size - this.maxPages)) this.pages.delete(p);
  }

  private lastPage(): number {
    return Math.max(0, Math.ceil((this.total ?? 0) / this.pageSize) - 1);
  }
}
