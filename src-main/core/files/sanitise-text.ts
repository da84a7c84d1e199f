/**
 * The one text sanitiser for everything Bindeled writes into DOCX, XLSX and CSV. XML 1.0 forbids
 * most C0 controls, lone surrogates and U+FFFE/U+FFFF; `docx` and exceljs pass some of them
 * through and the file then fails to open in Word or LibreOffice (TOOLCHAIN.md). Tab, LF and CR
 * are kept; CRLF and lone CR become LF so every format sees one kind of line break.
 */
export function sanitiseText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
      // Lone surrogates (half an emoji cut by a length limit) are not valid UTF-16 text.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}

/** Like sanitiseText, for values that may be absent: null and undefined become an empty string. */
export function sanitiseOptional(value: string | null | undefined): string {
  return value == null ? '' : sanitiseText(value);
}
