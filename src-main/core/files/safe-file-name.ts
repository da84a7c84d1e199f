import fs from 'node:fs';
import path from 'node:path';

/**
 * Invisible characters that change how a name reads or is stored: the bidi controls (U+202E in
 * "RTL \u202Egnp.exe ApS" shows a letter's name as "…exe.png"), the non-characters of every
 * plane, and lone surrogates (no file system stores them as they are).
 */
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}\p{Cs}]/gu;
/** Controls (C0, DEL, C1) and what Windows, macOS or Linux will not have in a name: a space instead. */
const UNSAFE = /[\p{Cc}<>:"/\\|?*]/gu;

/**
 * Turns a company name or a user's suggestion into a file name that stays in its folder on
 * Windows, macOS and Linux and reads as what it is: no separators, no "..", no reserved device
 * names, no controls, bidi controls or non-characters, bounded length. Every file name Bindeled
 * makes from user data goes through here (letters, access requests, uploads, save suggestions,
 * downloads).
 */
export function safeFileName(name: string, fallback = 'dokument'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .slice(0, 120)
    // The cut may leave half an emoji, or a dot or space Windows would drop from the end.
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/[\s.]+$/, '');
  if (!cleaned || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned)) return fallback;
  return cleaned;
}

/**
 * Windows' classic path limit. Node writes longer paths, but Word, Excel and Explorer cannot open
 * them, so a letter under `C:\Users\Søren Ærø\OneDrive - …\…` must stay within it.
 */
export const MAX_WINDOWS_PATH = 259;
/** Room for the " (12)" that uniquePath may add. */
const COUNTER_ROOM = 5;
/** A name is never cut shorter than this, however deep the folder: it must still say what it is. */
const MIN_STEM = 20;

/**
 * Shortens `stem` so `dir` + stem + `ext` (and a counter) stays within Windows' limit, cut at a
 * whole character and never ending in the dot or space Windows would drop. `api` is path.win32 or
 * path.posix in tests; the app uses its own platform's.
 */
export function fitStem(dir: string, stem: string, ext: string, api: path.PlatformPath = path): string {
  const room = MAX_WINDOWS_PATH - api.join(dir, ext).length - COUNTER_ROOM;
  const chars = Array.from(stem);
  if (stem.length <= room) return stem;
  const kept: string[] = [];
  let length = 0;
  for (const c of chars) {
    if (length + c.length > Math.max(MIN_STEM, room)) break;
    kept.push(c);
    length += c.length;
  }
  return kept.join('').replace(/[\s.]+$/, '') || stem.slice(0, MIN_STEM);
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
