import { spawn } from 'node:child_process';
import path from 'node:path';
import type { JobResult, JobSpec } from '../jobs/job';
import { summarise, type Timing } from './stats';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Runs one job in a fresh Node process (its peak memory is then its own) and returns its result. */
export function runJob(spec: JobSpec): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench/jobs/job.ts'), JSON.stringify(spec)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as JobResult);
      else reject(new Error(`job ${spec.kind} failed (${code}): ${err.trim().split('\n').slice(0, 6).join('\n')}`));
    });
  });
}

/** Runs a job `runs` times (`before` prepares each run); median time, highest peak memory. */
export async function repeatJob(
  runs: number,
  spec: () => JobSpec,
  before: () => void = () => {},
): Promise<{ timing: Timing; peakMb: number; extra?: string }> {
  const times: number[] = [];
  let cpu = 0;
  let peak = 0;
  let extra: string | undefined;
  for (let i = 0; i < runs; i++) {
    before();
    const r = await runJob(spec());
    times.push(r.ms);
    cpu += r.cpuMs;
    peak = Math.max(peak, r.maxRssMb);
    extra = r.extra;
  }
  return { timing: { ...summarise(times), cpu: cpu / runs }, peakMb: peak, extra };
}
