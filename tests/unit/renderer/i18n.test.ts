import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-renderer/src/i18n/translate';
import { da } from '../../../src-shared/messages/da';
import { en } from '../../../src-shared/messages/en';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the renderer texts', () => {
  it('English has every Danish key, with the same placeholders, and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const key of Object.keys(da) as Array<keyof typeof da>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
      expect(da[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders', () => {
    expect(translate('da', 'caseload.count.other', { count: '1.234' })).toBe('1.234 virksomheder');
    expect(translate('en', 'columns.moveLeft', { column: 'CVR' })).toBe('Move CVR left');
  });

  it('every key the code names exists, and no component writes Danish text outside i18n', () => {
    const dir = path.resolve(__dirname, '../../../src-renderer/src');
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith('i18n'));
    const missing: string[] = [];
    const stray: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) if (!(m[1] && m[1] in da)) missing.push(`${f}: ${m[1]}`);
      // JSX text with Danish letters would be an untranslated string.
      for (const m of text.matchAll(/>\s*([^<>{}\n]*[æøåÆØÅ][^<>{}\n]*)\s*</g)) stray.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
    expect(stray).toEqual([]);
  });
});
