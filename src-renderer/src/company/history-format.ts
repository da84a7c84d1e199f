import { labelKey } from '../../../src-shared/messages/code-labels';
import type { AuditEntry } from '../api/types';
import type { TFunction } from '../i18n/translate';
import { isMessageKey } from '../i18n/translate';
import { formatDate, formatIndustry } from '../lib/format';
import { isStatus, legalFormKey } from '../lib/labels';

export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Columns the history should not list: bookkeeping, not something the consultant changed. */
const SKIP = new Set(['id', 'uuid', 'name_sort', 'created_at', 'updated_at', 'industry_system', 'company_id']);

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Names for the ids the log stores (kommune code, consultant id). */
export interface NameLookup {
  kommune(code: number): string | undefined;
  consultant(id: number): string | undefined;
}

function showValue(field: string, value: unknown, t: TFunction, names: NameLookup): string {
  if (value === null || value === undefined || value === '') return t('history.empty.value');
  if (field === 'kommuneCode' && typeof value === 'number') return names.kommune(value) ?? String(value);
  if (field === 'consultantId' && typeof value === 'number') return names.consultant(value) ?? String(value);
  if (field === 'status' && typeof value === 'string' && isStatus(value)) return t(labelKey.companyStatus(value));
  if (field === 'legalForm' && typeof value === 'string') {
    const key = legalFormKey(value);
    return key ? t(key) : value;
  }
  if (field === 'industryCode' && typeof value === 'string') return formatIndustry(value);
  if (field === 'founded' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'boolean' || (field === 'isOwner' && typeof value === 'number'))
    return t(value ? 'common.yes' : 'common.no');
  return String(value);
}

/** The fields an update changed, before → after; a creation lists nothing (the record is the "after"). */
export function describeChanges(entry: AuditEntry, t: TFunction, names: NameLookup): ChangeLine[] {
  if (entry.action === 'create' || !entry.after) return [];
  const before = entry.before ?? {};
  return Object.keys(entry.after)
    .filter((k) => !SKIP.has(k))
    .map((k) => {
      const field = camel(k);
      const key = `field.${field}`;
      return {
        field: k,
        label: isMessageKey(key) ? t(key) : field,
        before: showValue(field, before[k], t, names),
        after: showValue(field, entry.after?.[k], t, names),
      };
    });
}
