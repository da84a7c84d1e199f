import { caseloadModule } from './caseload/caseload-format';
import { csvModule } from './csv/csv-format';
import { cvrModule } from './cvr/cvr-format';
import type { InteropModule } from './format-types';
import type { InteropFormat } from './interop-schema';
import { xlsxModule } from './xlsx/xlsx-format';

/** The format registry: one module per format, each with its importer, exporter and tests beside it. */
export const FORMATS: readonly InteropModule[] = [caseloadModule, csvModule, xlsxModule, cvrModule];

export function formatModule(id: InteropFormat): InteropModule {
  const found = FORMATS.find((m) => m.id === id);
  if (!found) throw new Error(`unknown interop format ${id}`);
  return found;
}
