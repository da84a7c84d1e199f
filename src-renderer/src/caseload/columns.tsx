import type { ReactNode } from 'react';
import { CASELOAD_COLUMNS, type CaseloadColumn } from '../../../src-shared/codes/companies';
import type { CaseloadRow } from '../api/types';
import { IndustryCode } from '../company/IndustryCode';
import { StatusBadge } from '../components/StatusBadge';
import { localToday } from '../followups/followup-groups';
import type { MessageKey, TFunction } from '../i18n/translate';
import { formatCount, formatDate } from '../lib/format';
import { legalFormKey } from '../lib/labels';

export interface ColumnSpec {
  id: CaseloadColumn;
  labelKey: MessageKey;
  /** Width in px; the name column also takes any spare width. */
  size: number;
  numeric?: boolean;
  render(row: CaseloadRow, t: TFunction): ReactNode;
}

const specs: Record<CaseloadColumn, Omit<ColumnSpec, 'id'>> = {
  name: { labelKey: 'column.name', size: 184, render: (r) => <span className="cell-name">{r.name}</span> },
  cvr: { labelKey: 'column.cvr', size: 84, numeric: true, render: (r) => r.cvr ?? '' },
  owner: { labelKey: 'column.owner', size: 150, render: (r) => r.owner ?? '' },
  city: { labelKey: 'column.city', size: 110, render: (r) => r.city ?? '' },
  postcode: { labelKey: 'column.postcode', size: 72, numeric: true, render: (r) => r.postcode ?? '' },
  kommune: { labelKey: 'column.kommune', size: 120, render: (r) => r.kommune ?? '' },
  status: { labelKey: 'column.status', size: 124, render: (r) => <StatusBadge status={r.status} /> },
  consultant: { labelKey: 'column.consultant', size: 128, render: (r) => r.consultant ?? '' },
  industryCode: {
    labelKey: 'column.industryCode',
    size: 168,
    render: (r) => (
      <span className="cell-industry">
        <IndustryCode code={r.industryCode} system={r.industrySystem} title={r.industryTitle} />
      </span>
    ),
  },
  employees: {
    labelKey: 'column.employees',
    size: 76,
    numeric: true,
    render: (r) => (r.employees === null ? '' : formatCount(r.employees)),
  },
  legalForm: {
    labelKey: 'column.legalForm',
    size: 120,
    render: (r, t) => {
      const key = legalFormKey(r.legalForm);
      return key ? t(key) : '';
    },
  },
  updatedAt: { labelKey: 'column.updatedAt', size: 88, numeric: true, render: (r) => formatDate(r.updatedAt) },
  lastContact: { labelKey: 'column.lastContact', size: 104, numeric: true, render: (r) => formatDate(r.lastContact) },
  nextFollowup: {
    labelKey: 'column.nextFollowup',
    size: 120,
    numeric: true,
    render: (r) =>
      r.nextFollowup && r.nextFollowup < localToday() ? (
        <span className="cell-overdue">{formatDate(r.nextFollowup)}</span>
      ) : (
        formatDate(r.nextFollowup)
      ),
  },
  tags: { labelKey: 'column.tags', size: 160, render: (r) => r.tags ?? '' },
};

export const COLUMNS: readonly ColumnSpec[] = CASELOAD_COLUMNS.map((id) => ({ id, ...specs[id] }));

export function columnSpec(id: CaseloadColumn): ColumnSpec {
  return { id, ...specs[id] };
}
