import { once } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, JobProgress } from '../../../src-main/api/contract';
import { type DbHost, type DbHostOptions, startDbHost } from '../../../src-main/api/db-worker/host';
import { headlessShell } from '../../../src-main/api/headless-shell';
import { tempDir } from '../../helpers/temp-db';

const SPIN_HANDLERS = pathToFileURL(path.resolve(import.meta.dirname, '../../helpers/db-worker-handlers.ts')).href;

const open: Array<{ host: DbHost; cleanup: () => void }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.host.close();
    o.cleanup();
  }
});

async function startHost(extra: Partial<DbHostOptions> = {}) {
  const { dir, cleanup } = tempDir();
  const events: JobProgress[] = [];
  const dbPath = path.join(dir, 'bindeled.db');
  const host = await startDbHost({
    dbPath,
    transport: 'http',
    appVersion: 'test',
    shell: headlessShell(path.join(dir, 'docs')),
    emit: (e) => events.push(e),
    ...extra,
  });
  open.push({ host, cleanup });
  const call = async <T>(method: string, input: unknown, jobId?: string): Promise<T> => {
    const r = await host.dispatch(method, input, jobId ? { jobId } : undefined);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return { host, dir, dbPath, events, call };
}

const search = (text: string) => ({ search: text, offset: 0, limit: 10 });

describe('database threads', () => {
  it('answer the contract: searches from a reader, their access log written by the writer', async () => {
    const { host, call, dbPath } = await startHost();
    await host.whenReadersReady();
    await call('companies.create', { name: 'Jensens Smedje ApS' });
    const page = await call<{ rows: Array<{ name: string }> }>('companies.list', search('jensen'));
    expect(page.rows.map((r) => r.name)).toEqual(['Jensens Smedje ApS']);
    // The reader's connection is read-only; the writer wrote the search's line.
    await call('companies.create', { name: 'Efter søgningen ApS' });
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      const lines = db.prepare("SELECT method, detail FROM access_log WHERE action = 'search'").all();
      expect(lines).toEqual([{ method: 'companies.list', detail: expect.stringContaining('jensen') }]);
    } finally {
      db.close();
    }
  });

  it('bring bad input, dialogs and job progress across as the dispatcher gives them', async () => {
    const { host, call, events } = await startHost();
    const bad = await host.dispatch('companies.create', { name: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // The shell's "open" dialog answers in the shell's thread; browser mode has none.
    expect(await host.dispatch('files.chooseOpen', { title: 'x', filters: [] })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    for (let i = 0; i < 30; i++) await call('companies.create', { name: `Firma ${i} ApS` });
    const chosen = await call<{ path: string }>('files.chooseSave', {
      title: 'x',
      defaultName: 'alle.csv',
      filters: [],
    });
    await call('interop.export', { format: 'csv', path: chosen.path }, 'export-1');
    expect(events.some((e) => e.jobId === 'export-1' && e.method === 'interop.export')).toBe(true);
    expect(await host.writtenFile(chosen.path)).toBe(chosen.path);
    await expect(host.writtenFile(path.join(path.dirname(chosen.path), 'andet.csv'))).rejects.toThrow();
  });

  it('cancel a running search: its thread ends, and the next search is answered by a fresh one', async () => {
    const { host, call } = await startHost({ handlersModule: SPIN_HANDLERS });
    await host.whenReadersReady();
    await call('companies.create', { name: 'Jensens Smedje ApS' });
    const before = host.readerThreads();
    const exits = before.map((w) => once(w, 'exit'));
    const spinning = host.dispatch('companies.list', search('∞'), { jobId: 'typed-1' });
    expect(await call('jobs.cancel', { jobId: 'typed-1' })).toEqual({ cancelled: true });
    expect(await spinning).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // The thread that ran it has stopped (a minute of statements left undone).
    await Promise.race(exits);
    expect(before.filter((w) => w.threadId === -1)).toHaveLength(1);
    const next = await call<{ rows: Array<{ name: string }> }>('companies.list', search('jensen'));
    expect(next.rows).toHaveLength(1);
    await host.whenReadersReady();
    expect(host.readerThreads()).toHaveLength(before.length);
  });

  it('let a cancelled search that ends at once keep its thread: starting one costs more than the query', async () => {
    const { host, call } = await startHost();
    await host.whenReadersReady();
    await call('companies.create', { name: 'Jensens Smedje ApS' });
    const before = host.readerThreads().map((w) => w.threadId);
    const typed = host.dispatch('companies.list', search('jensen'), { jobId: 'typed-2' });
    await call('jobs.cancel', { jobId: 'typed-2' });
    // The caller is answered at once (cancelled, or with the rows if the query ended first).
    await typed;
    const next = await call<{ rows: Array<{ name: string }> }>('companies.list', search('jensen'));
    expect(next.rows).toHaveLength(1);
    expect(host.readerThreads().map((w) => w.threadId)).toEqual(before);
  });

  it('drop a waiting search that is cancelled, and leave the running one be', async () => {
    const { host, call } = await startHost({ handlersModule: SPIN_HANDLERS, readers: 1 });
    await host.whenReadersReady();
    const spinning = host.dispatch('companies.list', search('∞'), { jobId: 'a' });
    const waiting = host.dispatch('companies.list', search('jensen'), { jobId: 'b' });
    expect(await call('jobs.cancel', { jobId: 'b' })).toEqual({ cancelled: true });
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const thread = host.readerThreads()[0];
    expect(thread?.threadId).toBeGreaterThan(0);
    expect(await call('jobs.cancel', { jobId: 'a' })).toEqual({ cancelled: true });
    expect(await spinning).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // A job id no read carries goes to the writer's dispatcher, which knows none either.
    expect(await call('jobs.cancel', { jobId: 'zz' })).toEqual({ cancelled: false });
  });

  it('serialise writes on the one writer while searches run beside them', async () => {
    const { host, call } = await startHost();
    await host.whenReadersReady();
    const calls: Array<Promise<ApiResult<unknown>>> = [];
    for (let i = 0; i < 40; i++) {
      calls.push(host.dispatch('companies.create', { name: `Samtidig ${i} ApS` }));
      calls.push(host.dispatch('companies.list', search('samtidig')));
    }
    const results = await Promise.all(calls);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const ids = results.filter((_, i) => i % 2 === 0).map((r) => (r as { value: { id: number } }).value.id);
    expect(new Set(ids).size).toBe(40);
    const all = await call<{ total: number }>('companies.list', search('samtidig'));
    expect(all.total).toBe(40);
  });
});
