import { describe, expect, it } from 'vitest';
import type { RowIssue } from '../../../../src-renderer/src/api/types';
import {
  baseName,
  duplicateFields,
  exportFileName,
  filterIssues,
  hasKeyField,
  UploadError,
  type UploadFetch,
  uploadFile,
  withOriginalName,
} from '../../../../src-renderer/src/interop/wizard-model';

function fakeFile(text: string, name: string): Blob & { name: string } {
  return Object.assign(new Blob([text]), { name });
}

describe('import wizard model', () => {
  it('uploads with the token in a header and the name in the query, and returns the stored path', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    const send: UploadFetch = async (url, init) => {
      calls.push({ url, headers: init.headers });
      return { status: 200, ok: true, text: async () => JSON.stringify({ path: '/data/uploads/1-ab-kunder æø.csv' }) };
    };
    const path = await uploadFile(fakeFile('Navn\nA', 'kunder æø.csv'), 'tok', send);
    expect(path).toBe('/data/uploads/1-ab-kunder æø.csv');
    expect(calls[0]?.url).toBe('/api/upload?name=kunder%20%C3%A6%C3%B8.csv');
    expect(calls[0]?.headers).toMatchObject({
      'X-Bindeled-Token': 'tok',
      'Content-Type': 'application/octet-stream',
    });
  });

  it('an upload the server refuses becomes an error with the server’s reason', async () => {
    const send: UploadFetch = async () => ({ status: 413, ok: false, text: async () => 'Filen er større end 100 MB' });
    const err = await uploadFile(fakeFile('x', 'stor.csv'), 't', send).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadError);
    expect((err as UploadError).status).toBe(413);
    expect((err as UploadError).message).toBe('Filen er større end 100 MB');
  });

  it('messages name the file the consultant chose, not the uploaded copy', () => {
    const stored = '/srv/uploads/1732680000000-a1b2c3-kunder.csv';
    expect(baseName(stored)).toBe('1732680000000-a1b2c3-kunder.csv');
    expect(
      withOriginalName(
        'Filen 1732680000000-a1b2c3-kunder.csv har et citationstegn (") i linje 4',
        stored,
        'kunder.csv',
      ),
    ).toBe('Filen kunder.csv har et citationstegn (") i linje 4');
    expect(withOriginalName('Filen x.csv er tom', 'C:\\Users\\a\\x.csv', 'x.csv')).toBe('Filen x.csv er tom');
  });

  it('flags a field chosen twice and a mapping without name, CVR or id', () => {
    expect([...duplicateFields(['name', 'cvr', null, 'name', null])]).toEqual(['name']);
    expect(duplicateFields([null, null]).size).toBe(0);
    expect(hasKeyField(['city', null])).toBe(false);
    expect(hasKeyField(['city', 'cvr'])).toBe(true);
  });

  it('filters the error table by kind and by any word in line, column, value or reason', () => {
    const issues: RowIssue[] = [
      {
        line: 3,
        kind: 'invalid',
        field: 'cvr',
        column: 'CVR-nr',
        value: '1234',
        message: 'CVR-nummeret skal have 8 cifre',
      },
      { line: 7, kind: 'duplicate', column: 'CVR-nr', value: '13748136', message: 'CVR-nummeret står også i linje 2' },
      { line: 9, kind: 'invalid', column: 'Postnr', value: '99', message: 'Ukendt postnummer' },
    ];
    expect(filterIssues(issues, '', 'all')).toHaveLength(3);
    expect(filterIssues(issues, '', 'duplicate').map((i) => i.line)).toEqual([7]);
    expect(filterIssues(issues, 'postnr', 'all').map((i) => i.line)).toEqual([9]);
    expect(filterIssues(issues, 'cvr', 'invalid').map((i) => i.line)).toEqual([3]);
    expect(filterIssues(issues, '9', 'invalid').map((i) => i.line)).toEqual([9]);
  });

  it('suggests an export name with the date and the format’s extension', () => {
    const day = new Date(2026, 0, 5);
    expect(exportFileName('csv', 'sagsportefoelje', day)).toBe('sagsportefoelje-2026-01-05.csv');
    expect(exportFileName('xlsx', 'caseload', day)).toBe('caseload-2026-01-05.xlsx');
    expect(exportFileName('caseload', 'caseload', day)).toBe('caseload-2026-01-05.json');
  });
});
