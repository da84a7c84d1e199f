import type { Database } from 'better-sqlite3';
import type { FieldDef as FieldSpec } from '../../../../src-shared/fields/field-types';
import type { FieldIssue } from '../../errors';
import type { MessageKey } from '../../messages';

/** A field as the caseload file carries it; the lists live in src-shared/fields. */
export type { FieldDef as FieldSpec, FieldType } from '../../../../src-shared/fields/field-types';

/** A record as it stands in the file: property → JSON value. */
export type FileRecord = Record<string, unknown>;

export interface EntitySpec {
  /** Section name in the caseload file, entity name for `--entity`. */
  key: string;
  table: string;
  label: MessageKey;
  description: string;
  /**
   * reference: consultants, organisations, schemes — exported when a company's rows point to
   *   them (all of them in a full export); added on import when missing, never overwritten.
   * company: the companies themselves.
   * owned: rows that belong to one company (contacts, visits…), exported with it.
   * shared: rows linked to several companies (networks), exported when one of them is.
   */
  role: 'reference' | 'company' | 'owned' | 'shared';
  fields: readonly FieldSpec[];
  /** Properties that identify a row across databases (normally ['uuid']). */
  identity: readonly string[];
  /** The property other entities use to point at this one (normally 'uuid'). */
  refKey?: string;
  /** Columns the database derives or keeps for itself; they are never in the file. */
  derived?: readonly string[];
  /** owned/shared: SQL condition on `t` selecting the rows of the companies whose ids are the JSON array `?`. */
  ownedBy?: string;
  /** Stable output order (SQL on `t`). */
  orderBy: string;
  /** WITHOUT ROWID link tables have no id: rows are only added when missing. */
  hasId?: boolean;
  /** The integer key column when it is not `id` (company_privacy is keyed by company_id). */
  idColumn?: string;
  /** Rules beyond identity for finding the stored row (companies: by CVR first). */
  match?: (db: Database, record: FileRecord, values: Record<string, unknown>) => MatchResult | undefined;
  /** Domain rules for a record's column values; returns problems and may normalise values. */
  validate?: (db: Database, values: Record<string, unknown>, selfId: number | undefined) => FieldIssue[];
  /** Columns to fill from others on write (a sort key). */
  computed?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Name in the audit log, and the column naming the company, when changes are audited. */
  audit?: { entity: string; companyColumn: string };
}

export type MatchResult = { id: number } | { conflict: FieldIssue };

export const idOf = (entity: EntitySpec): string => entity.idColumn ?? 'id';
