import { describe, expect, it } from 'vitest';
import { sanitiseInput, sanitiseText } from '../../../../src-main/core/files/sanitise-text';

describe('the text sanitiser for DOCX, XLSX and CSV', () => {
  it('removes characters XML forbids and keeps Danish letters, emoji, tabs and line breaks', () => {
    expect(sanitiseText('Æble\u0000grød\uFFFE\uFFFF ø å 🐄\tfane\r\nny linje\rigen\u0007')).toBe(
      'Æblegrød ø å 🐄\tfane\nny linje\nigen',
    );
  });

  it('drops half an emoji left by a cut', () => {
    const cut = '🐄'.slice(0, 1);
    expect(sanitiseText(`ko${cut}`)).toBe('ko');
    expect(sanitiseText(`${'🐄'.slice(1)}x`)).toBe('x');
  });

  it('removes C1 controls and the non-characters of every plane, and keeps bidi marks in text', () => {
    expect(sanitiseText('a\u0085b\u009Fc\uFDD0d\uFDEFe\u{1FFFE}f\u{10FFFF}g\u200Fh')).toBe('abcdefg\u200Fh');
  });

  it('leaves text that needs nothing as the same string', () => {
    const plain = 'Ådalens Gårdbutik ApS 🐄';
    expect(sanitiseText(plain)).toBe(plain);
  });
});

describe('a call input, sanitised string by string', () => {
  it('reaches strings in nested objects and arrays and leaves other values alone', () => {
    const when = new Date(0);
    const input = JSON.parse('{"__proto__": "x\\u0000y", "a": ["b\\u0001", 1, null, true]}') as Record<string, unknown>;
    input.nested = { when, text: 'c\r\nd\uFFFE' };
    const out = sanitiseInput(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('xy');
    expect(out.a).toEqual(['b', 1, null, true]);
    expect(out.nested).toEqual({ when, text: 'c\nd' });
    expect((out.nested as { when: Date }).when).toBe(when);
  });
});
