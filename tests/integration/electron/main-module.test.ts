import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/open';
import { generateCaseload } from '../../../tools/generate/generate-caseload';
import { tempDir } from '../../helpers/temp-db';

/**
 * The desktop app's main module, loaded under Node with a stand-in for `electron`
 * (tests/helpers/electron-stand-in.ts): the window's calls reach the real database, in the
 * database threads, and this thread — the one that serves menus and IPC — opens no connection.
 */
vi.mock('electron', async () => await import('../../helpers/electron-stand-in'));
const connections = vi.hoisted(() => ({ opened: 0 }));
vi.mock('better-sqlite3', async (importOriginal) => {
  const real = (await importOriginal()) as { default: new (...args: unknown[]) => object };
  const Counted = new Proxy(real.default, {
    construct(target, args) {
      connections.opened++;
      return Reflect.construct(target, args);
    },
  });
  return { ...real, default: Counted };
});

const stand = await import('../../helpers/electron-stand-in');
const folder = tempDir('bindeled-main-');

beforeAll(async () => {
  const dbPath = path.join(folder.dir, 'bindeled.db');
  const db = openDatabase(dbPath, { beforeMigrate: null });
  generateCaseload(db, { companies: 1500, seed: 7 });
  db.close();
  connections.opened = 0;
  process.env.BINDELED_DB = dbPath;
  await import('../../../src-main/electron/main');
  await stand.windowLoaded;
});

afterAll(async () => {
  await stand.quit();
  folder.cleanup();
});

type Page = { rows: Array<{ id: number; name: string }>; total: number | null };

describe('the desktop main process', () => {
  it('answers searches and scrolling from the database threads, opening no connection itself', async () => {
    const first = await stand.invoke('companies.list', { search: '', offset: 0, limit: 100 });
    expect(first).toMatchObject({ ok: true, value: { total: 1500 } });
    const pages = await Promise.all(
      Array.from({ length: 15 }, (_, i) => stand.invoke('companies.list', { search: '', offset: i * 100, limit: 100 })),
    );
    const ids = new Set(pages.flatMap((p) => (p.ok ? (p.value as Page).rows.map((r) => r.id) : [])));
    expect(ids.size).toBe(1500);
    const name = (first.ok ? (first.value as Page).rows[0]?.name : '') ?? '';
    const word = name.split(/\s+/)[0] ?? '';
    const found = await stand.invoke('companies.list', { search: word, offset: 0, limit: 100 });
    expect(found.ok && (found.value as Page).rows.some((r) => r.name === name)).toBe(true);
    expect(connections.opened).toBe(0);
  });

  it('cancels a superseded search the window sent as a job, and writes through the one writer', async () => {
    const created = await stand.invoke('companies.create', { name: 'Skrevet fra vinduet ApS' });
    expect(created.ok).toBe(true);
    const search = stand.invoke('companies.list', { search: 'skrevet', offset: 0, limit: 100 }, 'typed-1');
    const cancelled = await stand.invoke('jobs.cancel', { jobId: 'typed-1' });
    expect(cancelled.ok).toBe(true);
    const result = await search;
    // Either it was answered before the cancel arrived, or it ended as cancelled: never anything else.
    if (result.ok) expect((result.value as Page).rows.map((r) => r.name)).toContain('Skrevet fra vinduet ApS');
    else expect(result.error.code).toBe('cancelled');
    expect(connections.opened).toBe(0);
  });
});
