import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../src-main/api/context';
import { contract, METHOD_NAMES } from '../../../src-main/api/contract';
import { createDispatcher, type Dispatch } from '../../../src-main/api/dispatcher';
import { headlessShell } from '../../../src-main/api/headless-shell';
import { createLiveDatabase } from '../../../src-main/core/backup/live-database';
import { openDatabase } from '../../../src-main/core/db/open';
import { tempDir } from '../../helpers/temp-db';
import { arbitraryFor, mutated } from './fuzz-zod-arbitrary';

/**
 * Fuzz: random and malformed input to every method in the contract — the list is read
 * from METHOD_NAMES, so a method added later is fuzzed without touching this file. Each call must
 * come back as a typed ApiResult: no throw, no crash, and never `internal` (which would mean a
 * handler failed on input it should have refused with a message).
 *
 * No method is skipped. Paths and folders in the generated input are confined to a sandbox folder,
 * because some methods write where they are told (exports, documents) and the test runs as a
 * user who may write anywhere; the strings themselves stay hostile (traversal, control characters).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

let t: { dir: string; cleanup: () => void };
let sandbox: string;
let dispatch: Dispatch;
let ctx: ApiContext;
const cwd = process.cwd();

function confine(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && /path|folder|dir|file/i.test(key)) {
    return path.join(sandbox, value.replace(/[\\/]/g, '_').replace(/\.\./g, '_').slice(0, 80) || 'tom');
  }
  if (Array.isArray(value)) return value.map((v) => confine(v, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = confine(v, k);
    return out;
  }
  return value;
}

beforeAll(async () => {
  t = tempDir('bindeled-fuzz-');
  sandbox = path.join(t.dir, 'sandbox');
  fs.mkdirSync(sandbox);
  // Relative paths a handler might resolve land in the sandbox, not in the repository.
  process.chdir(sandbox);
  const dbPath = path.join(t.dir, 'bindeled.db');
  ctx = {
    db: openDatabase(dbPath),
    dbPath,
    transport: 'http',
    appVersion: 'fuzz',
    emit: () => {},
    shell: headlessShell(path.join(t.dir, 'docs')),
  };
  ctx.live = createLiveDatabase(
    dbPath,
    (f) => openDatabase(f),
    (next) => {
      ctx.db = next;
    },
    ctx.db,
  );
  dispatch = createDispatcher(ctx);
  // Something for ids 1–3 to find, so handlers get past "not found" into their real work.
  for (const [name, cvr] of [
    ['Smedjen i Ry', '13748136'],
    ['Ærø Gårdbutik', '24256790'],
    ['Idé: mobilt bageri', undefined],
  ] as const) {
    const c = await dispatch('companies.create', { name, cvr, ownerName: 'Mette Jensen', kommuneCode: 740 });
    if (!c.ok) throw new Error(c.error.message);
    const id = (c.value as { id: number }).id;
    await dispatch('visits.create', { companyId: id, date: '01.03.2024', notes: 'Besøg', needs: ['financing'] });
  }
});

afterAll(() => {
  process.chdir(cwd);
  ctx.db.close();
  t.cleanup();
});

interface Finding {
  method: string;
  input: unknown;
  problem: string;
}

const outcomes = new Map<string, number>();

function judge(method: string, input: unknown, r: unknown, findings: Finding[]): void {
  const code =
    r && typeof r === 'object' && 'ok' in r
      ? r.ok
        ? 'ok'
        : String((r as { error?: { code?: unknown } }).error?.code)
      : 'none';
  outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
  const problem = (() => {
    if (!r || typeof r !== 'object' || !('ok' in r)) return `not an ApiResult: ${JSON.stringify(r)}`;
    if (r.ok === true) return 'value' in r ? null : 'ok without value';
    if (r.ok !== false || !('error' in r)) return 'malformed result';
    const e = r.error as { code?: unknown; message?: unknown };
    if (typeof e.code !== 'string' || typeof e.message !== 'string' || e.message === '') return 'untyped error';
    if (e.code === 'internal') return 'internal error';
    return null;
  })();
  if (problem && findings.filter((f) => f.method === method).length < 3) findings.push({ method, input, problem });
}

describe('fuzzing every contract method', () => {
  it(`answers random and malformed input with typed results (${RUNS} runs per method)`, {
    timeout: 60_000 + RUNS * 1_000,
  }, async () => {
    const findings: Finding[] = [];
    let calls = 0;
    for (const method of METHOD_NAMES) {
      const valid = arbitraryFor(contract[method].input);
      const input = fc.oneof(
        { weight: 4, arbitrary: valid },
        { weight: 3, arbitrary: mutated(valid) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
      );
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          const value = confine(raw);
          calls++;
          let r: unknown;
          try {
            r = await dispatch(method, value);
          } catch (err) {
            r = { thrown: String(err) };
          }
          judge(method, value, r, findings);
        }),
        { numRuns: RUNS },
      );
    }
    // Unknown names and bad call options are refused the same way.
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 1 }), fc.anything({ maxDepth: 2 }), async (m, opts) => {
        calls++;
        const r = await dispatch(m, {}, opts as never);
        judge(typeof m === 'string' ? m : `(${typeof m})`, opts, r, findings);
      }),
      { numRuns: RUNS * 5 },
    );
    const byCode = [...outcomes].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`fuzz: ${calls} calls over ${METHOD_NAMES.length} methods (${byCode}), ${findings.length} findings`);
    for (const f of findings)
      console.log(`  ${f.method}: ${f.problem} — input ${JSON.stringify(f.input)?.slice(0, 300)}`);
    expect(findings).toEqual([]);
    // Still standing: the database answers and is intact.
    const info = await dispatch('app.info', {});
    expect(info.ok).toBe(true);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
