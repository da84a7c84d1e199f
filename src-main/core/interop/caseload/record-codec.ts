import { z } from 'zod';
import { sanitiseText } from '../../files/sanitise-text';
import type { EntitySpec, FieldSpec, FileRecord } from '../entities/entity-types';

export const CASELOAD_FORMAT = 'bindeled-caseload';
/** Raised only when an older reader would misread a newer file; new sections and fields keep it. */
export const CASELOAD_VERSION = 1;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_STAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fieldSchema(spec: FieldSpec): z.ZodType {
  let s: z.ZodType;
  if (spec.ref) s = z.string().min(1).max(100);
  else if (spec.enum) s = z.enum(spec.enum as [string, ...string[]], { message: 'validation.invalidValue' });
  else {
    switch (spec.type) {
      case 'uuid':
        s = z.string().regex(UUID, { message: 'import.row.uuidFormat' });
        break;
      case 'text':
        s = z
          .string({ message: 'validation.invalidValue' })
          .max(spec.max ?? 100_000, { message: 'validation.tooLong' });
        break;
      case 'integer':
        s = z.number({ message: 'validation.invalidValue' }).int({ message: 'validation.invalidValue' });
        break;
      case 'real':
        s = z.number({ message: 'validation.invalidValue' });
        break;
      case 'boolean':
        s = z.boolean({ message: 'validation.invalidValue' });
        break;
      case 'date':
        s = z.string().regex(ISO_DATE, { message: 'validation.dateFormat' });
        break;
      case 'timestamp':
        s = z.string().regex(ISO_STAMP, { message: 'validation.dateFormat' });
        break;
      case 'json':
        s = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);
        break;
    }
  }
  return spec.required ? s : s.nullable().optional();
}

const schemas = new Map<string, z.ZodType<FileRecord>>();

/** A zod schema for one entity's records, built from its field list (unknown properties are dropped). */
export function recordSchema(entity: EntitySpec): z.ZodType<FileRecord> {
  let s = schemas.get(entity.key);
  if (!s) {
    const shape: Record<string, z.ZodType> = {};
    for (const field of entity.fields) shape[field.prop] = fieldSchema(field);
    s = z.object(shape) as unknown as z.ZodType<FileRecord>;
    schemas.set(entity.key, s);
  }
  return s;
}

/** A database value as the file writes it: booleans as true/false, JSON columns as JSON, text sanitised. */
export function toFileValue(field: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'boolean') return value === 1 || value === true;
  if (field.type === 'json' && typeof value === 'string') return JSON.parse(value) as unknown;
  if (typeof value === 'string') return sanitiseText(value);
  return value;
}

/** A file value as the database stores it (refs are resolved separately). */
export function toDbValue(field: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'boolean') return value ? 1 : 0;
  if (field.type === 'json') return JSON.stringify(value);
  if (field.type === 'real' || field.type === 'integer') return value;
  return typeof value === 'string' ? sanitiseText(value) : value;
}
