import type { Timing } from './stats';

export interface Target {
  /** Median at or below this many milliseconds (at 100,000 companies). */
  ms?: number;
  /** Median divided by the baseline's median at or below this. */
  ratio?: number;
  /** Peak resident memory at or below this many MB. */
  memoryMb?: number;
}

export interface Figure {
  /** Companies in the database the figure was measured on. */
  size: number;
  name: string;
  timing?: Timing;
  /** What the ratio compares against, measured in the same run. */
  baseline?: { name: string; timing: Timing };
  /**
   * A second baseline where the plain way is not the floor: the least the same work can cost
   * (an import's rows inserted with nothing derived or indexed), printed with its own ratio.
   */
  floor?: { name: string; timing: Timing };
  memoryMb?: number;
  baselineMemoryMb?: number;
  target?: Target;
  /** Why there is no number yet (a feature that has not landed), or what to know about it. */
  note?: string;
  /** Counts or sizes worth printing beside the time (rows written, file size…). */
  extra?: string;
}

export type Verdict = 'met' | 'missed' | 'waiting' | 'info';

export function ratioOf(f: Figure): number | undefined {
  if (!f.timing || !f.baseline || f.baseline.timing.median <= 0) return undefined;
  return f.timing.median / f.baseline.timing.median;
}

/** The median divided by the floor's median. */
export function floorRatioOf(f: Figure): number | undefined {
  if (!f.timing || !f.floor || f.floor.timing.median <= 0) return undefined;
  return f.timing.median / f.floor.timing.median;
}

/** Targets are for 100,000 companies; smaller sizes are shown against them for orientation. */
export function verdict(f: Figure): Verdict {
  if (!f.timing && f.memoryMb === undefined) return f.note ? 'waiting' : 'info';
  const t = f.target;
  if (!t) return 'info';
  const ratio = ratioOf(f);
  const ok =
    (t.ms === undefined || f.timing === undefined || f.timing.median <= t.ms) &&
    (t.ratio === undefined || ratio === undefined || ratio <= t.ratio) &&
    (t.memoryMb === undefined || f.memoryMb === undefined || f.memoryMb <= t.memoryMb);
  return ok ? 'met' : 'missed';
}

export const ms = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);

export function sizeLabel(size: number): string {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

export function targetText(t: Target | undefined): string {
  if (!t) return '';
  const parts: string[] = [];
  if (t.ms !== undefined) parts.push(`≤ ${ms(t.ms)}`);
  if (t.ratio !== undefined) parts.push(`ratio ≤ ${t.ratio}`);
  if (t.memoryMb !== undefined) parts.push(`≤ ${t.memoryMb} MB`);
  return parts.join(', ');
}

/** One line per figure, as the bench prints it. */
export function figureLine(f: Figure): string {
  const head = `${sizeLabel(f.size).padStart(4)}  ${f.name.padEnd(58)}`;
  const t = f.timing;
  if (!t && f.memoryMb === undefined) return `${head} —  ${f.note ?? ''}`;
  let line = t
    ? `${head} median ${ms(t.median)} (min ${ms(t.min)}, max ${ms(t.max)}, n=${t.runs}${t.cpu === undefined ? '' : `, cpu ${ms(t.cpu)}`})`
    : head;
  if (f.memoryMb !== undefined) line += `${t ? ',' : ''} peak ${Math.round(f.memoryMb)} MB`;
  const ratio = ratioOf(f);
  if (f.baseline && ratio !== undefined)
    line += ` | ${f.baseline.name} ${ms(f.baseline.timing.median)} → ratio ${ratio.toFixed(2)}`;
  const floorRatio = floorRatioOf(f);
  if (f.floor && floorRatio !== undefined) {
    const cpu = f.floor.timing.cpu === undefined ? '' : ` (cpu ${ms(f.floor.timing.cpu)})`;
    line += ` | ${f.floor.name} ${ms(f.floor.timing.median)}${cpu} → ratio ${floorRatio.toFixed(2)}`;
  }
  if (f.extra) line += ` | ${f.extra}`;
  if (f.target) line += ` | target ${targetText(f.target)}: ${verdict(f)}`;
  if (f.note) line += ` (${f.note})`;
  return line;
}
