import { ENTITIES, entityByKey } from '../entities';
import type { FieldSpec } from '../entities/entity-types';
import { CASELOAD_FORMAT, CASELOAD_VERSION } from './record-codec';

type Json = Record<string, unknown>;

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

function fieldSchema(field: FieldSpec): Json {
  let s: Json;
  if (field.ref) {
    const target = entityByKey(field.ref);
    s = {
      type: 'string',
      description: `The ${target?.refKey ?? 'uuid'} of a record in "${field.ref}" (or one already in the receiving database).`,
    };
  } else if (field.enum) s = { type: 'string', enum: [...field.enum] };
  else {
    switch (field.type) {
      case 'uuid':
        s = { type: 'string', pattern: UUID_PATTERN };
        break;
      case 'text':
        s = { type: 'string', maxLength: field.max ?? 100_000 };
        break;
      case 'integer':
        s = { type: 'integer' };
        break;
      case 'real':
        s = { type: 'number' };
        break;
      case 'boolean':
        s = { type: 'boolean' };
        break;
      case 'date':
        s = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date YYYY-MM-DD.' };
        break;
      case 'timestamp':
        s = {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
          description: 'ISO timestamp, UTC.',
        };
        break;
      case 'json':
        s = { type: ['array', 'object'] };
        break;
    }
  }
  if (field.description) s.description = field.description;
  return field.required ? s : { anyOf: [s, { type: 'null' }] };
}

/** The caseload file's JSON Schema, derived from the entity registry (committed as resources/schema/caseload-file.schema.json). */
export function caseloadJsonSchema(): Json {
  const defs: Json = {};
  const properties: Json = {
    $schema: { type: 'string' },
    format: { const: CASELOAD_FORMAT },
    version: {
      type: 'integer',
      minimum: 1,
      maximum: CASELOAD_VERSION,
      description: 'Raised only for changes an older reader would misread.',
    },
    exportedAt: { type: 'string', description: 'When the file was written (ISO timestamp, UTC).' },
    exportedBy: { type: 'string', description: 'The consultant named in the settings of the database that wrote it.' },
    generator: {
      type: 'object',
      properties: { app: { type: 'string' }, version: { type: 'string' }, schemaVersion: { type: 'integer' } },
    },
    selection: {
      type: 'object',
      properties: {
        kind: { enum: ['all', 'companies', 'query'] },
        filters: { type: 'object' },
        search: { type: 'string' },
      },
      required: ['kind'],
    },
    counts: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
  };
  for (const entity of ENTITIES) {
    const name = entity.key;
    defs[name] = {
      type: 'object',
      description: entity.description,
      properties: Object.fromEntries(entity.fields.map((f) => [f.prop, fieldSchema(f)])),
      required: entity.fields.filter((f) => f.required).map((f) => f.prop),
      additionalProperties: true,
    };
    properties[name] = { type: 'array', items: { $ref: `#/$defs/${name}` } };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://bindeled.invalid/schema/caseload-file.schema.json',
    title: 'Bindeled caseload file',
    description: 'A caseload handed from one Bindeled to another. See docs/caseload-file.md.',
    type: 'object',
    properties,
    required: ['format', 'version'],
    additionalProperties: true,
    $defs: defs,
  };
}
