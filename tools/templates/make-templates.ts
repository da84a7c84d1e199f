/**
 * Writes Bindeled's shipped Word templates into resources/templates/ (committed), built with `docx`
 * itself, and checks each against the placeholder list the generator fills.
 * Run: npm run make-templates
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_KINDS } from '../../src-main/core/documents/document-schema';
import { checkTemplateFile, TEMPLATE_FILE } from '../../src-main/core/documents/templates';
import { buildTemplate } from './template-designs';

const outDir = path.resolve(import.meta.dirname, '..', '..', 'resources', 'templates');
fs.mkdirSync(outDir, { recursive: true });
let failed = false;
for (const kind of DOCUMENT_KINDS) {
  const file = path.join(outDir, TEMPLATE_FILE[kind]);
  fs.writeFileSync(file, await buildTemplate(kind));
  const { check } = await checkTemplateFile(kind, file, true);
  const note = check.missing.length ? ` (uden: ${check.missing.join(', ')})` : '';
  console.log(
    `${check.ok ? 'ok  ' : 'FEJL'} ${path.relative(process.cwd(), file)}: ${check.found.length} felter${note}`,
  );
  for (const p of check.problems) console.log(`     ${p.message}`);
  if (!check.ok) failed = true;
}
process.exitCode = failed ? 1 : 0;
