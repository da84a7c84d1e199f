import { describe, expect, it } from 'vitest';
import { sanitiseText } from '../../src-main/core/files/sanitise-text';

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
});
