import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../../../src-main/core/errors';
import { readCaseloadFile } from '../../../../../src-main/core/interop/caseload/caseload-read';
import { MAX_VALUE_CHARS } from '../../../../../src-main/core/interop/caseload/json-stream';

const reader = (buf: Buffer) => (at: number, size: number) => buf.subarray(at, at + size);

/** What a whole-file reader makes of the text: the sections' records, or the refusal. */
function outcome(text: string, pieceBytes: number): unknown {
  try {
    const file = readCaseloadFile(reader(Buffer.from(text)), 'sag.bindeled.json', pieceBytes);
    const sections: Record<string, unknown[]> = {};
    // Read in an order other than the file's: the planner reads them in its own.
    for (const key of [...file.counts.keys()].reverse()) sections[key] = [...file.records(key)];
    return { version: file.version, exportedBy: file.exportedBy, sections, unknown: file.unknownSections };
  } catch (err) {
    return { key: (err as DomainError).key };
  }
}

/** A record as Bindeled writes them, with the texts a hand-edited file may hold. */
const text = fc.string({ unit: fc.constantFrom('a', 'æ', 'Ø', '"', '\\', '\n', '[', '{', '}', ',', ':', '😀', ' ') });
const record = fc.record(
  {
    uuid: fc.uuid(),
    name: text,
    notes: fc.option(text),
    employees: fc.option(fc.integer()),
    needs: fc.option(fc.array(fc.array(text, { maxLength: 2 }), { maxLength: 3 })),
  },
  { requiredKeys: ['uuid'] },
);
const caseload = fc.record({
  companies: fc.array(record, { maxLength: 6 }),
  contacts: fc.array(record, { maxLength: 4 }),
  extra: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
});
const fileText = (c: { companies: unknown[]; contacts: unknown[]; extra: unknown[] }, indent: number) =>
  JSON.stringify(
    { format: 'bindeled-caseload', version: 1, exportedBy: 'Mette', contacts: c.contacts, companies: c.companies },
    null,
    indent,
  ).replace('{', () => `{"futureSection": ${JSON.stringify(c.extra)},`);

describe('reading a caseload file a record at a time', () => {
  it('reads what JSON.parse reads, wherever the pieces cut the text (inside a character too)', () => {
    fc.assert(
      fc.property(caseload, fc.constantFrom(0, 2), fc.integer({ min: 1, max: 40 }), (c, indent, pieceBytes) => {
        const t = fileText(c, indent);
        const whole = JSON.parse(t) as Record<string, unknown>;
        expect(outcome(t, pieceBytes)).toEqual({
          version: 1,
          exportedBy: 'Mette',
          sections: { companies: whole.companies, contacts: whole.contacts },
          unknown: ['futureSection'],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses as broken what JSON.parse refuses: a file cut off anywhere, or a byte changed', () => {
    fc.assert(
      fc.property(
        caseload,
        fc.nat(),
        fc.constantFrom('', ',', ']', '}', '"', 'x', ':'),
        fc.integer({ min: 1, max: 40 }),
        (c, at, insert, pieceBytes) => {
          const full = fileText(c, 2);
          const cut = at % full.length;
          const t = full.slice(0, cut) + insert + (insert ? full.slice(cut + 1) : '');
          let parses = true;
          try {
            JSON.parse(t);
          } catch {
            parses = false;
          }
          fc.pre(!parses);
          expect(outcome(t, pieceBytes)).toEqual({ key: 'import.jsonBroken' });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the line and column where the text breaks, as for a file read whole', () => {
    const t =
      '{\n  "format": "bindeled-caseload",\n  "version": 1,\n  "companies": [\n    {"name": "A"},\n    {"name": "B",}\n  ]\n}';
    expect(() => readCaseloadFile(reader(Buffer.from(t)), 'sag.bindeled.json', 7)).toThrow(
      expect.objectContaining({ key: 'import.jsonBroken', params: { file: 'sag.bindeled.json', line: 6, column: 18 } }),
    );
  });

  it('refuses a record longer than any Bindeled writes without holding it, naming the record', () => {
    const t = `{"format":"bindeled-caseload","version":1,"companies":[{"name":"A"},{"name":"${'x'.repeat(MAX_VALUE_CHARS + 10)}"}]}`;
    expect(() => readCaseloadFile(reader(Buffer.from(t)), 'stor.bindeled.json')).toThrow(
      expect.objectContaining({
        key: 'import.valueTooBig',
        params: expect.objectContaining({ place: 'companies[1]' }),
      }),
    );
  });

  it('tells a JSON list or another JSON object from a caseload file', () => {
    for (const t of ['[1, 2]', '{"format": "noget andet", "version": 1}', '{}', '{"format":"bindeled-caseload"}'])
      expect(outcome(t, 64)).toEqual({ key: 'import.notCaseload' });
    expect(outcome('{"format":"bindeled-caseload","version":1,"companies":{}}', 64)).toEqual({
      key: 'import.sectionNotList',
    });
  });
});
