import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../../../src-main/api/contract';
import { declaredAccess } from '../../../../src-main/api/handlers/access-log';
import { openDatabase } from '../../../../src-main/core/db/open';
import {
  ANONYMISE_RULES,
  keepSafeKeys,
  NOTHING_PERSONAL,
  personalStrings,
  tablesWithCompanyId,
} from '../../../../src-main/core/privacy/personal-data';
import { ACCESS_ACTIONS } from '../../../../src-main/core/privacy/privacy-types';

/**
 * Erasure and anonymisation rely on the schema: these checks fail when a migration adds a table
 * about companies without deciding what happens to it, with the fix in the message.
 */
describe('privacy rules cover the whole schema', () => {
  const db = openDatabase(':memory:');

  it('every table with a company_id says what anonymisation does with it', () => {
    const unclassified = tablesWithCompanyId(db).filter((t) => !ANONYMISE_RULES[t] && !NOTHING_PERSONAL.has(t));
    expect(
      unclassified,
      'Add these tables to ANONYMISE_RULES (which text columns to blank) or NOTHING_PERSONAL in ' +
        'src-main/core/privacy/personal-data.ts',
    ).toEqual([]);
  });

  it('every column named in the anonymisation rules exists', () => {
    const missing: string[] = [];
    for (const [table, rule] of Object.entries(ANONYMISE_RULES)) {
      const cols = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name));
      if (cols.size === 0) continue; // a table from a migration this build does not have
      for (const col of Object.keys(rule.set ?? {})) if (!cols.has(col)) missing.push(`${table}.${col}`);
    }
    expect(missing).toEqual([]);
  });

  it('every reference to a company goes with it on hard delete (CASCADE or SET NULL)', () => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const blocking: string[] = [];
    for (const { name } of tables) {
      const fks = db.pragma(`foreign_key_list(${JSON.stringify(name)})`) as Array<{
        table: string;
        from: string;
        on_delete: string;
      }>;
      for (const fk of fks)
        if (fk.table === 'companies' && !['CASCADE', 'SET NULL'].includes(fk.on_delete))
          blocking.push(`${name}.${fk.from} (${fk.on_delete})`);
    }
    expect(blocking, 'A foreign key to companies needs ON DELETE CASCADE so GDPR erasure can delete').toEqual([]);
  });
});

describe('privacy helpers', () => {
  it('audit JSON keeps what happened and drops who it was', () => {
    const before = JSON.stringify({ name: 'Mette', status: 'visited', email: 'm@x.dk', kommune_code: 706, note: 'x' });
    expect(JSON.parse(keepSafeKeys(before) ?? 'null')).toEqual({ status: 'visited', kommune_code: 706 });
    expect(keepSafeKeys('not json')).toBeNull();
    expect(keepSafeKeys(null)).toBeNull();
  });

  it('personal strings include stored forms and skip very short values', () => {
    const s = personalStrings(['Bo', 'Søren "Smed" Ærø', null]);
    expect(s).toContain('Søren "Smed" Ærø');
    expect(s).toContain('Søren \\"Smed\\" Ærø');
    expect(s).toContain('søren "smed" ærø');
    expect(s).not.toContain('Bo');
  });

  it('every method declares how it uses personal data', () => {
    const undeclared = METHOD_NAMES.filter(
      (m) => !([...ACCESS_ACTIONS, 'none'] as string[]).includes(contract[m].access?.access),
    );
    expect(
      undeclared,
      "Declare the access in the method's spec in src-main/api/contract/: `.returns<…>({ access, facts })`, " +
        'or NO_ACCESS_LOG for a method that reads no personal data',
    ).toEqual([]);
  });

  it('exports and letters from any area are logged as exports', () => {
    const exportLike = /(^|\.)(export\w*|letters?\.\w+|documents\.(generate|regenerate|batch)\w*)$|^(export|letters)\./;
    const named = METHOD_NAMES.filter((m) => exportLike.test(m));
    expect(named.length).toBeGreaterThan(4);
    for (const m of named) expect(declaredAccess(m)?.access, m).toBe('export');
    const exportPolicy = declaredAccess('interop.export');
    expect(
      exportPolicy?.facts({ scope: { kind: 'companies', ids: [4, 9] } }, { path: '/tmp/x.csv' })?.companies,
    ).toEqual([4, 9]);
    expect(declaredAccess('documents.generateBatch')?.facts({ companyIds: [2] }, null)?.companies).toEqual([2]);
    expect(declaredAccess('companies.get')?.access).toBe('read');
    expect(declaredAccess('views.list')).toBeUndefined();
  });
});
