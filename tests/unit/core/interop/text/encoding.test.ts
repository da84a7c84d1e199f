import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectEncoding,
  detectEncodingOf,
  looksBinary,
} from '../../../../../src-main/core/interop/text/encoding';

const danish = 'Navn;By\r\nÆblegården – “Øko” €;Århus\r\n';

describe('detecting the encoding of office files', () => {
  it('reads UTF-8 with and without BOM and drops the BOM before the first header', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(danish, 'utf8')]);
    expect(decodeText(bom)).toMatchObject({ text: danish, encoding: 'utf-8', bom: true });
    expect(decodeText(Buffer.from(danish, 'utf8'))).toMatchObject({ text: danish, encoding: 'utf-8', bom: false });
  });

  it('reads Windows-1252 with æøå, € and curly quotes (which latin1 would turn into control characters)', () => {
    const win = iconv.encode(danish, 'windows-1252');
    expect(detectEncoding(win).encoding).toBe('windows-1252');
    expect(decodeText(win).text).toBe(danish);
    expect(win.toString('latin1')).not.toBe(danish);
  });

  it('reads UTF-16 ("Unicode text" from Excel) by its BOM', () => {
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(danish, 'utf-16le')]);
    expect(decodeText(u16)).toMatchObject({ text: danish, encoding: 'utf-16le' });
    expect(looksBinary(u16)).toBe(false);
  });

  it('tells a binary file from text', () => {
    expect(looksBinary(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(Buffer.from(danish))).toBe(false);
  });
});

describe('detecting the encoding of a file read a piece at a time', () => {
  const reader = (buf: Buffer) => (at: number, size: number) => buf.subarray(at, at + size);

  it('gives the answer the whole file gives, wherever a piece cuts a character', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ';', '\n', 'æ', 'Ø', 'å', '€', '“', '–', '😀') });
    fc.assert(
      fc.property(text, fc.constantFrom('utf-8', 'windows-1252'), fc.integer({ min: 1, max: 7 }), (t, enc, size) => {
        const buf = iconv.encode(t, enc);
        expect(detectEncodingOf(reader(buf), size)).toBe(detectEncoding(buf).encoding);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a BOM as the whole file does', () => {
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(danish, 'utf-16le')]);
    expect(detectEncodingOf(reader(u16))).toBe('utf-16le');
  });
});
