import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../../src-main/core/files/safe-file-name';

/** Bidi controls: they make a name read in another order than it is stored. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters no file name may hold.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('file names Bindeled makes from user data', () => {
  it('drops the bidi control that makes a letter for "RTL \\u202Egnp.exe ApS" read as …exe.png', () => {
    expect(safeFileName('Henvisning - RTL \u202Egnp.exe ApS - 2011-10-17')).toBe(
      'Henvisning - RTL gnp.exe ApS - 2011-10-17',
    );
    expect(safeFileName('a\u061Cb\u200Ec\u200Fd\u202Ae\u202Bf\u202Cg\u202Dh\u2066i\u2067j\u2068k\u2069l')).toBe(
      'abcdefghijkl',
    );
  });

  it('drops non-characters and lone surrogates, and turns controls into spaces', () => {
    expect(safeFileName('Gård\uFFFEbutik\uFDD0 \u{1FFFE}ApS\uD800')).toBe('Gårdbutik ApS');
    expect(safeFileName('Linje\nto\u0000tre\u0085fire')).toBe('Linje to tre fire');
  });

  it('keeps Danish letters and emoji, and never cuts an emoji in half', () => {
    expect(safeFileName('Ådalens Ø-gård 🐄')).toBe('Ådalens Ø-gård 🐄');
    expect(safeFileName(`${'x'.repeat(119)}🐄🐄`)).toBe('x'.repeat(119));
  });

  it('holds for any name: one safe name in the folder, however hostile the input', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('.', ' ', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '..', 'CON', 'nul', '🐄'),
      fc.constantFrom('\u202E', '\u2066', '\u200F', '\u061C', '\uFFFE', '\uFDD0', '\u{10FFFF}', '\uD800', '\uDC00'),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (name) => {
        const safe = safeFileName(name, 'dokument');
        expect(safe).not.toMatch(BIDI);
        expect(safe).not.toMatch(CONTROL);
        expect(safe).not.toMatch(NONCHARACTER);
        expect(safe).not.toMatch(LONE_SURROGATE);
        expect(safe).not.toMatch(/[<>:"/\\|?*]/);
        expect(safe).not.toMatch(/^[\s.]|[\s.]$/);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(120);
        expect(path.dirname(path.join('/mappe', `${safe}.docx`))).toBe('/mappe');
        expect(safeFileName(safe)).toBe(safe);
      }),
      { numRuns: 1000 },
    );
  });
});
