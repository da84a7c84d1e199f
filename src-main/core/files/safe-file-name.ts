import fs from 'node:fs';
import path from 'node:path';

/**
 * Turns a company name or a user's suggestion into a file name that stays in its folder on
 * Windows, macOS and Linux: no separators, no "..", no reserved device names, bounded length.
 */
export function safeFileName(name: string, fallback = 'dokument'): string {
  const cleaned = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120)
    .trim();
  if (!cleaned || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned)) return fallback;
  return cleaned;
}

/**
 * A path in `dir` for `fileName` that does not exist yet: "navn.docx", "navn (2).docx", … Paths in
 * `taken` (lower case: some disks ignore case) count as existing: names chosen for files not yet there.
 */
export function uniquePath(dir: string, fileName: string, taken: ReadonlySet<string> = new Set()): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  const free = (p: string) => !taken.has(p.toLowerCase()) && !fs.existsSync(p);
  let candidate = path.join(dir, fileName);
  for (let i = 2; !free(candidate); i++) candidate = path.join(dir, `${stem} (${i})${ext}`);
  return candidate;
}
