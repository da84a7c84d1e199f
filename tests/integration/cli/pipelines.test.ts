import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { tempDir } from '../../helpers/temp-db';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', path.join(dir, 'c.db'), ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('referrals list and lag list with the pipelines’ filters', () => {
  it('filters by kommune, consultant and status, as text or JSON, and refuses unknown values', async () => {
    await cli('companies', 'add', '--name', 'Alfa Smedje', '--kommune', 'Aarhus', '--consultant', 'Anne Kjær');
    await cli('companies', 'add', '--name', 'Beta Bageri', '--kommune', 'Favrskov');
    expect((await cli('referrals', 'list', '--kommune', 'Aarhus')).out).toBe('0 henvisninger');
    expect((await cli('lag', 'list')).out).toBe('0 LAG-ansøgninger');
    expect(JSON.parse((await cli('lag', 'list', '--json', '--consultant', 'Anne Kjær')).out)).toEqual([]);
    expect((await cli('lag', 'list', '--status', 'sent')).code).toBe(2);
    expect((await cli('lag', 'list', '--consultant', 'Ingen Sådan')).code).toBe(2);
    expect((await cli('referrals', 'list', '--sort', 'skostørrelse')).code).toBe(2);
    expect((await cli('referrals', 'list', '--waiting-days', 'mange')).code).toBe(2);
    expect((await cli('referrals', 'list', '--from', '31.02.2026')).code).toBe(1);
  });
});
