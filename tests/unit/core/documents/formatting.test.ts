import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIndustry, needRows } from '../../../../src-main/core/documents/common-values';
import { fitLogo, imageInfo, logoFromBytes } from '../../../../src-main/core/documents/logo';
import { knownKeys, placeholdersFor } from '../../../../src-main/core/documents/placeholders';
import { docText } from '../../../../src-main/core/ooxml/docx-template';
import { formatLetterDate } from '../../../../src-shared/format/dates';
import {
  formatKroner,
  formatMoney,
  formatPercent,
  parseMoney,
  shareBasisPoints,
} from '../../../../src-shared/format/money';
import { makePng } from '../../../helpers/documents-fixtures';

describe('Danish amounts', () => {
  it('formats øre as "1.234,50 kr." with a thousands dot and a decimal comma', () => {
    expect(formatMoney(123_450)).toBe('1.234,50 kr.');
    expect(formatMoney(0)).toBe('0,00 kr.');
    expect(formatMoney(5)).toBe('0,05 kr.');
    expect(formatMoney(100_000_000_00)).toBe('100.000.000,00 kr.');
    expect(formatMoney(-123_450)).toBe('-1.234,50 kr.');
    expect(formatMoney(123_450, { suffix: false })).toBe('1.234,50');
    expect(formatKroner(5_000_000)).toBe('50.000 kr.');
  });

  it('reads amounts as a Danish user types them', () => {
    expect(parseMoney('1.234,50')).toBe(123_450);
    expect(parseMoney('1234,5')).toBe(123_450);
    expect(parseMoney('1.234 kr.')).toBe(123_400);
    expect(parseMoney('kr. 500')).toBe(50_000);
    expect(parseMoney('1,234.50')).toBeUndefined();
    expect(parseMoney('12.34')).toBeUndefined();
    expect(parseMoney('')).toBeUndefined();
  });

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        expect(parseMoney(formatMoney(ore))).toBe(ore);
      }),
    );
  });

  it('formats shares in basis points with a Danish comma', () => {
    expect(formatPercent(5000, 0)).toBe('50 %');
    expect(formatPercent(4523)).toBe('45,2 %');
    expect(shareBasisPoints(1, 3)).toBe(3333);
    expect(shareBasisPoints(5, 0)).toBe(0);
  });

  it('writes letter dates with the month in words', () => {
    expect(formatLetterDate('2011-10-17')).toBe('17. oktober 2011');
    expect(formatIndustry('472900')).toBe('47.29.00');
  });
});

describe('text going into a document', () => {
  it('drops characters XML forbids, keeps emoji and Danish letters, and defuses placeholders', () => {
    expect(docText('Æble\u0000\u0008\uFFFE\uFFFF og 🍎 {{company_name}}')).toBe(
      'Æble og 🍎 {\u200B{company_name}\u200B}',
    );
    expect(docText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(docText('<tag> & "q"')).toBe('<tag> & "q"');
  });
});

describe('the letterhead logo', () => {
  it('reads PNG sizes and scales a logo into the letterhead box keeping its shape', () => {
    const png = makePng(400, 100, () => [0, 0, 0]);
    expect(imageInfo(png)).toEqual({ type: 'png', width: 400, height: 100 });
    expect(fitLogo(400, 100)).toEqual({ width: 200, height: 50 });
    expect(fitLogo(100, 400)).toEqual({ width: 16, height: 64 });
    expect(fitLogo(50, 20)).toEqual({ width: 50, height: 20 });
    expect(logoFromBytes(png)).toMatchObject({ type: 'png', width: 200, height: 50 });
  });

  it('refuses what is not an image', () => {
    expect(logoFromBytes(Buffer.from('GIF8 not really'))).toBeUndefined();
    expect(logoFromBytes(Buffer.from('%PDF-1.7'))).toBeUndefined();
    expect(logoFromBytes(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('placeholders', () => {
  it('lists each kind once, with the required ones docs/domain.md insists on', () => {
    for (const kind of ['vaeksthus', 'lag', 'visit-summary'] as const) {
      const list = placeholdersFor(kind);
      expect(new Set(list.map((p) => p.key)).size).toBe(list.length);
      expect(knownKeys(kind).has('company_name')).toBe(true);
    }
    const required = (kind: 'vaeksthus' | 'lag' | 'visit-summary') =>
      placeholdersFor(kind)
        .filter((p) => p.required)
        .map((p) => p.key);
    expect(required('vaeksthus')).toEqual(
      expect.arrayContaining(['company_cvr', 'contact_name', 'consent_line', 'reason', 'recipient_name']),
    );
    expect(required('lag')).toEqual(expect.arrayContaining(['budget.amount', 'fin_grant_share', 'period']));
    expect(required('visit-summary')).not.toContain('company_cvr');
  });

  it('lays the ten needs out as a two-column checklist', () => {
    const rows = needRows(['export', 'business_plan']);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ mark1: '☒', label1: 'Forretningsplan', mark2: '☒', label2: 'Eksport' });
    expect(rows[4]).toEqual({ mark1: '☐', label1: 'Digitalisering', mark2: '☐', label2: 'Andet' });
  });
});
