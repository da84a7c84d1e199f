import { describe, expect, it } from 'vitest';
import { addressKey, nameKey } from '../../../../src-main/core/companies/duplicates/name-key';

describe('the name two spellings of one firm share', () => {
  it.each([
    ['Smedjen i Ørum ApS', 'smedjen i oerum'],
    ['SMEDJEN I ØRUM', 'smedjen i oerum'],
    ['Smedjen i Oerum A/S', 'smedjen i oerum'],
    ['Jensen & Søn I/S', 'jensen og soen'],
    ['Jensen og Søn', 'jensen og soen'],
    ['Ådalens Gårdbutik', 'aadalens gaardbutik'],
    ['Aadalens Gaardbutik K/S', 'aadalens gaardbutik'],
    ['Tømrer v/ Hans Hansen', 'toemrer hans hansen'],
    ['Café Møllen', 'cafe moellen'],
    ['  Bageriet,  i Ry. ', 'bageriet i ry'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps firms with different words apart, and a bare legal form matches nothing', () => {
    expect(nameKey('Smedjen i Ørum')).not.toBe(nameKey('Smedjen i Ry'));
    expect(nameKey('ApS')).toBe('');
  });

  it('compares addresses without case, punctuation or spacing', () => {
    expect(addressKey('Hovedgaden 3, st.')).toBe(addressKey('hovedgaden  3 st'));
    expect(addressKey(null)).toBe('');
  });
});
