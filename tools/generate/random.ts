/**
 * A small seeded PRNG (mulberry32): the demo programme and the benchmarks must produce the same
 * data on every machine and every run.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** 32 random bits as an unsigned integer. */
  uint32(): number {
    return (this.next() * 4294967296) >>> 0;
  }

  /** A deterministic UUID v4 shape, so generated rows have stable ids across runs. */
  uuid(): string {
    // Four 32-bit draws rather than 32 hex digits one by one: the generator makes ~1 million of these.
    const a = this.uint32().toString(16).padStart(8, '0');
    const b = this.uint32().toString(16).padStart(8, '0');
    const c = this.uint32().toString(16).padStart(8, '0');
    const d = this.uint32().toString(16).padStart(8, '0');
    const variant = ((Number.parseInt(c[0] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /**
   * An integer in [min, max] that favours the low end (the square of a uniform draw): most notes
   * are short, a few are long.
   */
  skewedInt(min: number, max: number): number {
    const u = this.next();
    return min + Math.floor(u * u * (max - min + 1));
  }

  /** A date between two ISO dates (inclusive), as ISO. */
  date(fromIso: string, toIso: string): string {
    const from = Date.parse(`${fromIso}T00:00:00Z`);
    const to = Date.parse(`${toIso}T00:00:00Z`);
    return new Date(from + Math.floor(this.next() * ((to - from) / 86_400_000 + 1)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  }
}
