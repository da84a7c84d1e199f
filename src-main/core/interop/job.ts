import { DomainError } from '../errors';

/** What a long import or export reports to and is stopped by (the dispatcher's CallContext). */
export interface JobControl {
  signal: AbortSignal;
  progress: (done: number, total: number, message?: string) => void;
}

export const NO_JOB: JobControl = { signal: new AbortController().signal, progress: () => {} };

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DomainError('cancelled', 'error.cancelled');
}

/**
 * Lets the event loop run between chunks, so a `jobs.cancel` call and progress events get
 * through; then stops if the job was cancelled meanwhile.
 */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  throwIfCancelled(signal);
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfCancelled(signal);
}

/** Rows handled between checkpoints: small enough for a snappy cancel, large enough to be cheap. */
export const CHUNK = 2000;
