import type { CompanyRowValues } from '../../companies/validate';

/** One company the import will add or update, ready for the write transaction. */
export interface PlannedRow {
  line: number;
  action: 'add' | 'update';
  matchId: number | null;
  uuid: string | null;
  values: CompanyRowValues;
  ownerName: string | null | undefined;
  consultantName: string | null | undefined;
}

/** Buffers of this size hold the planned rows: about 2,000 firms each. */
const BLOCK_BYTES = 1024 * 1024;

/** Stands for "not in the file" in the encoded row; the names themselves are text or null. */
const ABSENT = 0;

/**
 * Rows an import will write, each as one line of UTF-8 JSON in a few large buffers outside the JS
 * heap, read back one at a time by the write. As objects (a dozen strings each) 100,000 planned
 * firms took about 100 MB of heap, and V8 lets its heap grow to a few times what it holds before
 * it collects again: the desktop app's main process passed 700 MB. Here they take about their
 * text's size, and the collector never walks them.
 *
 * A row is `[...head, shape, ...values]`: `head` a fixed number of the caller's own fields, then
 * the row's column values, where the shape numbers the row's list of columns (a file's rows
 * nearly all share one), so the column names are not stored per row.
 */
export class JsonRows {
  private readonly blocks: Buffer[] = [];
  private block = Buffer.allocUnsafe(0);
  private used = 0;
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();
  size = 0;

  constructor(private readonly headLength: number) {}

  push(head: readonly unknown[], row: Readonly<Record<string, unknown>>): void {
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const column in row) {
      const value = row[column];
      if (value === undefined) continue;
      columns.push(column);
      values.push(value);
    }
    const key = columns.join(',');
    let shape = this.shapeIds.get(key);
    if (shape === undefined) {
      shape = this.shapes.length;
      this.shapes.push(columns);
      this.shapeIds.set(key, shape);
    }
    const json = JSON.stringify([...head, shape, ...values]);
    // Four bytes of length, then at most three bytes of UTF-8 per UTF-16 unit.
    const room = 4 + 3 * json.length;
    if (this.used + room > this.block.length) {
      if (this.used > 0) this.blocks.push(this.block.subarray(0, this.used));
      this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, room));
      this.used = 0;
    }
    const bytes = this.block.write(json, this.used + 4, 'utf8');
    this.block.writeUInt32LE(bytes, this.used);
    this.used += 4 + bytes;
    this.size++;
  }

  /**
   * The rows in the order they were pushed, each decoded as it is reached: its head, and its
   * values as a new object of its own. An iterator object, not a generator: a suspended generator
   * kept the row it had just handed out, and V8 then kept every row into the old generation.
   */
  rows(): IterableIterator<{ head: unknown[]; values: Record<string, unknown> }> {
    const blocks = this.used > 0 ? [...this.blocks, this.block.subarray(0, this.used)] : [...this.blocks];
    const { shapes, headLength } = this;
    let block = 0;
    let at = 0;
    const iterator: IterableIterator<{ head: unknown[]; values: Record<string, unknown> }> = {
      [Symbol.iterator]: () => iterator,
      next: () => {
        let buf = blocks[block];
        while (buf && at >= buf.length) {
          buf = blocks[++block];
          at = 0;
        }
        if (!buf) return { value: undefined, done: true };
        const bytes = buf.readUInt32LE(at);
        const row = JSON.parse(buf.toString('utf8', at + 4, at + 4 + bytes)) as unknown[];
        at += 4 + bytes;
        const columns = shapes[row[headLength] as number] ?? [];
        const values: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i++) values[columns[i] as string] = row[headLength + 1 + i];
        row.length = headLength;
        return { value: { head: row, values }, done: false };
      },
    };
    return iterator;
  }
}

/** The companies a CSV or XLSX import will add or update. */
export class PlanStore {
  private readonly store = new JsonRows(6);
  /** How many of the rows add a firm. */
  adds = 0;

  get size(): number {
    return this.store.size;
  }

  push(row: PlannedRow): void {
    this.store.push(
      [
        row.line,
        row.action === 'add' ? 1 : 0,
        row.matchId,
        row.uuid,
        row.ownerName === undefined ? ABSENT : row.ownerName,
        row.consultantName === undefined ? ABSENT : row.consultantName,
      ],
      row.values,
    );
    if (row.action === 'add') this.adds++;
  }

  /** The rows in the order they were planned, each decoded afresh as it is reached. */
  rows(): IterableIterator<PlannedRow> {
    const rows = this.store.rows();
    const iterator: IterableIterator<PlannedRow> = {
      [Symbol.iterator]: () => iterator,
      next: () => {
        const next = rows.next();
        if (next.done) return { value: undefined, done: true };
        const { head, values } = next.value;
        return {
          value: {
            line: head[0] as number,
            action: head[1] === 1 ? 'add' : 'update',
            matchId: head[2] as number | null,
            uuid: head[3] as string | null,
            ownerName: head[4] === ABSENT ? undefined : (head[4] as string | null),
            consultantName: head[5] === ABSENT ? undefined : (head[5] as string | null),
            values: values as CompanyRowValues,
          },
          done: false,
        };
      },
    };
    return iterator;
  }
}
