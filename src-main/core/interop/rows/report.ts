import type { EntityCounts, ImportReport, PreviewRow, RowAction, RowIssue } from '../interop-schema';

const EMPTY_COUNTS = { add: 0, update: 0, unchanged: 0, keptLocal: 0, invalid: 0, duplicate: 0, skipped: 0 };
const ACTION_KEY: Record<RowAction, keyof typeof EMPTY_COUNTS> = {
  add: 'add',
  update: 'update',
  unchanged: 'unchanged',
  kept_local: 'keptLocal',
  invalid: 'invalid',
  duplicate: 'duplicate',
  skipped: 'skipped',
};

/** Collects counts, issues (up to a limit) and the first rows of a preview for any import format. */
export class ReportBuilder {
  private readonly counts = new Map<string, EntityCounts>();
  readonly issues: RowIssue[] = [];
  issuesLeftOut = 0;
  readonly preview: PreviewRow[] = [];
  readonly skipped: ImportReport['skipped'] = [];
  readonly warnings: string[] = [];
  readonly newConsultants = new Set<string>();
  rows = 0;

  constructor(
    private readonly issueLimit: number,
    private readonly previewLimit = 200,
  ) {}

  count(entity: string, action: RowAction): void {
    let c = this.counts.get(entity);
    if (!c) {
      c = { entity, ...EMPTY_COUNTS };
      this.counts.set(entity, c);
    }
    c[ACTION_KEY[action]]++;
  }

  /** Makes an entity appear in the totals even when the file has none of it. */
  touch(entity: string): void {
    if (!this.counts.has(entity)) this.counts.set(entity, { entity, ...EMPTY_COUNTS });
  }

  issue(issue: RowIssue): void {
    if (this.issues.length < this.issueLimit) this.issues.push(issue);
    else this.issuesLeftOut++;
  }

  row(row: PreviewRow): void {
    if (this.preview.length < this.previewLimit) this.preview.push(row);
  }

  skip(line: number | null, reason: string): void {
    if (this.skipped.length < 1000) this.skipped.push({ line, reason });
  }

  blocking(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c.invalid + c.duplicate;
    return n;
  }

  build(base: Pick<ImportReport, 'fileName' | 'format' | 'fingerprint'> & Partial<ImportReport>): ImportReport {
    const entities = [...this.counts.values()];
    const totals = { ...EMPTY_COUNTS };
    for (const e of entities) for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += e[k];
    return {
      warnings: this.warnings,
      rows: this.rows,
      totals,
      entities,
      issues: this.issues,
      issuesLeftOut: this.issuesLeftOut,
      preview: this.preview,
      skipped: this.skipped,
      newConsultants: [...this.newConsultants].slice(0, 100),
      clean: this.blocking() === 0,
      ...base,
    };
  }
}
