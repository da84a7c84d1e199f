import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_FILE, withFields } from '../../../../scripts/letter-kind-fields';

describe("the placeholders of one's own letter kinds in docs/documents.md", () => {
  it("are what the registry lists, with the catalogue's Danish names and examples (npx tsx scripts/letter-kind-fields.ts)", () => {
    const doc = fs.readFileSync(DOC_FILE, 'utf8');
    expect(doc).toBe(withFields(doc));
  });
});
