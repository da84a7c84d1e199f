import { DomainError } from '../../errors';
import type { InteropModule } from '../format-types';
import { planCvrExtract } from './cvr-plan';

/** A CVR extract names its documents "Vrvirksomhed" (or is one: a CVR number beside the register's metadata). */
export function looksLikeCvrExtract(head: string): boolean {
  return /^\s*[{[]/.test(head) && /"(Vrvirksomhed|virksomhedMetadata)"\s*:/.test(head);
}

/**
 * The CVR register's System-til-System extract (Erhvervsstyrelsen): one "Vrvirksomhed" document
 * per line, or a saved search response (`hits.hits[]._source.Vrvirksomhed`). Import only: new
 * firms are added, known ones refreshed field by field, ceased ones flagged.
 */
export const cvrModule: InteropModule = {
  id: 'cvr',
  label: 'format.cvr',
  extensions: ['.json', '.jsonl', '.ndjson'],
  inspect: async (_db, file) => ({
    path: file.path,
    fileName: file.name,
    size: file.size,
    format: 'cvr',
    warnings: file.warnings,
    headers: [],
    sample: [],
    mapping: [],
    mappingSource: 'given',
  }),
  plan: (db, file, options, ctx, keepPlan) => planCvrExtract(db, file, options, ctx, keepPlan),
  export: async () => {
    throw new DomainError('invalid_input', 'cvrImport.importOnly');
  },
};
