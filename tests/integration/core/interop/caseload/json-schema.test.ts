import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src-main/core/db/open';
import { caseloadJsonSchema } from '../../../../../src-main/core/interop/caseload/json-schema';
import { ENTITIES, entityByKey } from '../../../../../src-main/core/interop/entities';

const SCHEMA_FILE = path.resolve(__dirname, '../../../../../resources/schema/caseload-file.schema.json');

describe('the caseload file covers the database', () => {
  it('lists every column of every entity table, or names it as derived', () => {
    const db = openDatabase(':memory:');
    const problems: string[] = [];
    for (const entity of ENTITIES) {
      const cols = (db.pragma(`table_xinfo(${entity.table})`) as Array<{ name: string; hidden: number }>)
        .filter((c) => c.hidden === 0)
        .map((c) => c.name);
      expect(cols.length, `table ${entity.table} exists`).toBeGreaterThan(0);
      const covered = new Set(['id', ...entity.fields.map((f) => f.column), ...(entity.derived ?? [])]);
      for (const c of cols)
        if (!covered.has(c)) problems.push(`${entity.table}.${c} is neither in the file nor derived`);
      for (const f of entity.fields)
        if (!cols.includes(f.column)) problems.push(`${entity.key}.${f.prop} names missing column ${f.column}`);
    }
    db.close();
    expect(problems).toEqual([]);
  });

  it('orders entities after everything they refer to', () => {
    ENTITIES.forEach((entity, i) => {
      for (const f of entity.fields) {
        if (!f.ref) continue;
        const target = entityByKey(f.ref);
        expect(target, `${entity.key}.${f.prop}`).toBeDefined();
        if (f.ref !== entity.key) expect(ENTITIES.indexOf(target as never)).toBeLessThan(i);
      }
    });
  });

  it('has its JSON Schema committed as the registry describes it', () => {
    const generated = `${JSON.stringify(caseloadJsonSchema(), null, 2)}\n`;
    // Regenerate after adding an entity: UPDATE_SCHEMA=1 npx vitest run tests/integration/core/interop/caseload/json-schema.test.ts
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, generated);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
