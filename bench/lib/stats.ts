/** Median, min and max of repeated timings, in milliseconds. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
  /**
   * CPU time per run (user + system, this process) — on a machine shared with other work the
   * wall-clock median grows while this stays near what the code costs.
   */
  cpu?: number;
}

export function summarise(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length };
}

export interface MeasureOptions {
  runs: number;
  /** Runs before timing starts: statement preparation and the page cache warm up. */
  warmup?: number;
}

/** Times `fn` `runs` times after `warmup` untimed calls. `fn` may be sync or async. */
export async function measure(fn: (i: number) => unknown, opts: MeasureOptions): Promise<Timing> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn(-1 - i);
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...summarise(samples), cpu: (cpu.user + cpu.system) / 1000 / opts.runs };
}

/** Times `fn` and reports the highest resident memory seen while it ran (sampled every 20 ms). */
export async function measureWithMemory(fn: () => unknown): Promise<{ ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: performance.now() - t0, peakRssMb: peak / 1024 / 1024 };
}
