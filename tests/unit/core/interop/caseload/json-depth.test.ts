import { describe, expect, it } from 'vitest';
import { findTooDeep } from '../../../../../src-main/core/interop/caseload/json-depth';

const file = (records: string) => `{"format":"bindeled-caseload","version":1,"companies":[${records}]}`;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('finding nesting deeper than a caseload field may have, before parsing', () => {
  it('counts only real brackets: not those inside text, nor after an escaped quote', () => {
    const text = file(`{"name":"[[[[{{{{ \\"[[[[ \\\\","notes":"${'['.repeat(500)}"},{"needs":${nested(2)}}`);
    expect(JSON.parse(text)).toBeTruthy();
    expect(findTooDeep(text, 3)).toBeUndefined();
  });

  it('names the section, the record and the field, with an escaped key decoded', () => {
    const text = file(`{"name":"a"},{"name":"b","ti\\u0074le":"x","needs":${nested(5)}}`);
    expect(findTooDeep(text, 4)).toEqual({
      section: 'companies',
      index: 1,
      field: 'needs',
      offset: text.indexOf('[[[[[') + 4,
    });
    expect(findTooDeep(text, 5)).toBeUndefined();
  });

  it('names the top-level key when the nesting is outside any record', () => {
    const text = `{"format":"bindeled-caseload","generator":{"v":${nested(10)}},"companies":[]}`;
    expect(findTooDeep(text, 4)).toMatchObject({ section: 'generator', index: null, field: null });
  });

  it('leaves broken JSON to JSON.parse', () => {
    expect(findTooDeep('{"companies":[{"name":"cut off', 1)).toBeUndefined();
  });
});
