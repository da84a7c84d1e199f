import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../../bench/lib/figures';
import { type BenchRun, renderMarkdown } from '../../../../bench/lib/report';

const machine = {
  cpu: 'test',
  cores: 2,
  memoryGb: 8,
  node: 'v20',
  sqlite: '3',
  os: 'test',
  loadStart: 1,
  loadEnd: 1.5,
};
const timing = (median: number, cpu: number) => ({ median, min: median, max: median, runs: 3, cpu });
const figure = (name: string, median: number, cpu: number): Figure => ({
  size: 1000,
  name,
  timing: timing(median, cpu),
});

function run(figures: Figure[], extra: Partial<BenchRun> = {}): BenchRun {
  return { machine, started: '2026-12-07T10:00:00Z', quick: true, sizes: [1000], figures, ...extra };
}

describe('the performance page', () => {
  it('prints an earlier run beside each figure of the same size and name, and says which run it was', () => {
    const before = run([figure('search "gård"', 31.4, 30), figure('gone since', 5, 5)], { commit: 'abc1234' });
    const page = renderMarkdown(run([figure('search "gård"', 2.1, 2), figure('new figure', 1, 1)], { before }));
    expect(page).toContain('| before |');
    expect(page).toContain('at commit abc1234');
    const lines = page.split('\n');
    expect(lines.find((l) => l.includes('search "gård"'))).toMatch(/\| 31\.4 ms \(CPU 30\.0 ms\) \|$/);
    // A figure the earlier run did not have gets an empty cell, not another figure's value.
    expect(lines.find((l) => l.includes('new figure'))).toMatch(/\| {2}\|$/);
  });

  it('has no before column without an earlier run', () => {
    expect(renderMarkdown(run([figure('a', 1, 1)]))).not.toContain('before');
  });
});
