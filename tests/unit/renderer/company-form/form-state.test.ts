import { describe, expect, it } from 'vitest';
import type { Company, Consultant, ViewState } from '../../../../src-main/api/contract';
import {
  applyViewState,
  initialState,
  isModified,
  moveColumn,
  normaliseOrder,
  queryKey,
  toViewState,
} from '../../../../src-renderer/src/caseload/caseload-state';
import {
  changedFields,
  emptyValues,
  formFieldOf,
  matchConsultant,
  pick,
  toApiFields,
  valuesFromCompany,
} from '../../../../src-renderer/src/company-form/form-model';
import { CASELOAD_COLUMNS } from '../../../../src-shared/codes/companies';

const company: Company = {
  id: 7,
  uuid: 'u',
  recordType: 'registered',
  cvr: '13748136',
  pNumber: null,
  name: 'Fur Bryghus ApS',
  legalForm: 'aps',
  address: 'Stenørevej 1',
  postcode: '7884',
  city: 'Fur',
  kommuneCode: 779,
  kommune: 'Skive',
  industryCode: '110500',
  industrySystem: 'DB07',
  employees: 9,
  founded: '2004-05-01',
  phone: null,
  email: null,
  website: null,
  status: 'visited',
  statusReason: null,
  reklamebeskyttet: null,
  ceased: null,
  consultantId: 2,
  consultant: 'Lars Kjær',
  owner: 'Anders Fur Nielsen',
  tags: null,
  createdAt: '2024-01-01T10:00:00Z',
  updatedAt: '2024-01-02T10:00:00Z',
};

describe('the company form model', () => {
  it('shows stored values the Danish way', () => {
    const v = valuesFromCompany(company);
    expect(v.founded).toBe('01.05.2004');
    expect(v.industryCode).toBe('11.05.00');
    expect(v.kommuneCode).toBe('779');
    expect(v.employees).toBe('9');
    expect(v.consultant).toBe('Lars Kjær');
  });

  it('sends empty text as null, numbers as numbers, and reports text that is no number', () => {
    const { fields, parseErrors } = toApiFields({ name: ' Fur ', cvr: '', kommuneCode: '779', employees: '1.200' });
    expect(fields).toEqual({ name: 'Fur', cvr: null, kommuneCode: 779, employees: 1200 });
    expect(parseErrors).toEqual({});
    expect(toApiFields({ employees: 'mange' }).parseErrors).toEqual({ employees: 'field.employeesNotNumber' });
    expect(toApiFields({ legalForm: '', status: 'closed', statusReason: 'Ophørt' }).fields).toEqual({
      legalForm: null,
      status: 'closed',
      statusReason: 'Ophørt',
    });
  });

  it('sends the consultant only once it is resolved to an id', () => {
    expect(toApiFields({ consultant: 'Ny Person' }).fields).toEqual({});
    expect(toApiFields({ consultant: 'Lars Kjær' }, 2).fields).toEqual({ consultantId: 2 });
    expect(toApiFields({ consultant: '' }, null).fields).toEqual({ consultantId: null });
  });

  it('edits send only what changed', () => {
    const initial = valuesFromCompany(company);
    const current = { ...initial, employees: '10', city: 'Fur ' };
    expect(changedFields(initial, current)).toEqual(['employees']);
    expect(pick(current, ['employees'])).toEqual({ employees: '10' });
    expect(changedFields(emptyValues(), emptyValues())).toEqual([]);
  });

  it('matches a typed consultant name regardless of case and spacing', () => {
    const list: Consultant[] = [
      { id: 2, uuid: 'a', name: 'Lars Kjær', initials: 'LK', email: null, active: true },
      { id: 3, uuid: 'b', name: 'Anne Bech', initials: 'AB', email: null, active: true },
    ];
    expect(matchConsultant('  lars   kjær ', list)).toBe(2);
    expect(matchConsultant('', list)).toBeNull();
    expect(matchConsultant('Mette Sørensen', list)).toBe('new');
  });

  it('places API field names on form fields', () => {
    expect(formFieldOf('consultantId')).toBe('consultant');
    expect(formFieldOf('cvr')).toBe('cvr');
    expect(formFieldOf('recordType')).toBeUndefined();
  });
});

describe('the caseload state and saved views', () => {
  it('round-trips a view, keeping columns a newer version added', () => {
    const view: ViewState = {
      sort: [{ column: 'employees', desc: true }],
      filters: { kommune: [779, 657], status: [], industry: '01' },
      search: 'bryghus',
      columnOrder: ['cvr', 'name', 'retired-column'],
      hiddenColumns: ['owner', 'retired-column'],
    };
    const state = applyViewState(view, 4);
    expect(state.viewId).toBe(4);
    expect(state.filters).toEqual({ kommune: [657, 779], industry: '01' });
    expect(state.columnOrder.slice(0, 2)).toEqual(['cvr', 'name']);
    expect([...state.columnOrder].sort()).toEqual([...CASELOAD_COLUMNS].sort());
    expect(state.hiddenColumns).toEqual(['owner']);
    expect(isModified(state, view)).toBe(false);
    expect(isModified({ ...state, search: 'smed' }, view)).toBe(true);
    expect(toViewState(state).search).toBe('bryghus');
  });

  it('the default state is not modified; a filter or sort is', () => {
    expect(isModified(initialState(), null)).toBe(false);
    expect(isModified({ ...initialState(), sort: [{ column: 'name', desc: true }] }, null)).toBe(true);
  });

  it('a new query key for a new sort, filter or search, not for columns', () => {
    const a = initialState();
    const columnsChanged: typeof a = { ...a, hiddenColumns: ['cvr'] };
    expect(queryKey(a)).toBe(queryKey(columnsChanged));
    expect(queryKey(a)).not.toBe(queryKey({ ...a, search: 'x' }));
    expect(queryKey(a)).toBe(queryKey({ ...a, filters: { kommune: [] } }));
  });

  it('moves columns', () => {
    expect(moveColumn(['name', 'cvr', 'city'], 'city', 0)).toEqual(['city', 'name', 'cvr']);
    expect(moveColumn(['name', 'cvr', 'city'], 'name', 9)).toEqual(['cvr', 'city', 'name']);
    expect(normaliseOrder(['cvr', 'cvr']).slice(0, 2)).toEqual(['cvr', 'name']);
  });
});
