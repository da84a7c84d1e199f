import { describe, expect, it } from 'vitest';
import { downloadUrl } from '../../../../src-renderer/src/documents/download-url';
import {
  budgetLines,
  emptyRow,
  formFromApplication,
  lagFields,
  previewInput,
  validateLag,
} from '../../../../src-renderer/src/outreach/lag-form';
import {
  formatMoney,
  formatPercent,
  moneyInput,
  parseMoneyInput as parseMoney,
} from '../../../../src-shared/format/money';

describe('money as the consultant types it', () => {
  it('reads Danish amounts into øre', () => {
    expect(parseMoney('25.000,00')).toBe(2_500_000);
    expect(parseMoney('25000')).toBe(2_500_000);
    expect(parseMoney('1.234,5 kr.')).toBe(123_450);
    expect(parseMoney('kr. 500')).toBe(50_000);
    expect(parseMoney('  ')).toBeNull();
  });

  it('refuses what is not clearly one amount', () => {
    for (const bad of ['1,234.50', 'abc', '12,345', '-5', '1.23,00']) expect(parseMoney(bad)).toBeUndefined();
  });

  it('shows øre as Danish kroner and shares with a decimal comma', () => {
    expect(formatMoney(123_450)).toBe('1.234,50 kr.');
    expect(moneyInput(2_500_000)).toBe('25.000,00');
    expect(moneyInput(null)).toBe('');
    expect(formatPercent(4523)).toBe('45,2 %');
    expect(formatPercent(5000, 0)).toBe('50 %');
  });
});

describe('the LAG form', () => {
  const filled = () => {
    const f = formFromApplication(null);
    f.lagId = '7';
    f.title = 'Ny pakkelinje';
    f.grantRequested = '60.000,00';
    f.rows = [{ ...emptyRow(), category: 'Maskiner', description: 'Pakkemaskine', amount: '100.000,00' }, emptyRow()];
    return f;
  };

  it('previews only the figures of the rows that were started', () => {
    const p = previewInput(filled());
    expect(p.lines).toEqual([{ category: 'Maskiner', amountOre: 10_000_000 }]);
    expect(p.grantRequestedOre).toBe(6_000_000);
    expect(p.ownCashOre).toBe(0);
  });

  it('names each field that is wrong, including cells of the budget', () => {
    const f = filled();
    f.title = ' ';
    f.ownCash = '12,345';
    const row = f.rows[0];
    if (!row) throw new Error('row');
    row.amount = 'tusind';
    const errors = validateLag(f);
    expect(errors.title).toBe('validation.required');
    expect(errors.ownCash).toBe('outreach.money.invalid');
    expect(errors[`row.${row.key}.amount`]).toBe('outreach.money.invalid');
    expect(validateLag(filled())).toEqual({});
  });

  it('saves øre and skips blank budget rows', () => {
    const f = filled();
    expect(lagFields(f)).toMatchObject({ lagId: 7, title: 'Ny pakkelinje', grantRequestedOre: 6_000_000 });
    expect(budgetLines(f)).toEqual([
      { category: 'Maskiner', description: 'Pakkemaskine', supplier: '', amountOre: 10_000_000, quoteRef: '' },
    ]);
  });
});

describe('browser-mode downloads', () => {
  it('escapes the token and a path with spaces and Danish letters', () => {
    expect(downloadUrl('/data/Breve/Æblegården ApS.docx', 'a+b')).toBe(
      '/api/download?token=a%2Bb&path=%2Fdata%2FBreve%2F%C3%86bleg%C3%A5rden%20ApS.docx',
    );
  });
});
