import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { newFileStream, removeFile, renameFile } from '../core/files/file-ops';
import { tempPathIn } from '../core/files/leftovers';
import { safeFileName } from '../core/files/safe-file-name';
import { message } from '../core/messages';

/**
 * Browser mode cannot open a native file dialog, so the import wizard uploads the file here and
 * then calls `interop.inspect`/`preview`/`import` with the returned path. The body is streamed to
 * a new file in the uploads folder beside the database, never held in memory, and cut off at the cap.
 */
export interface UploadConfig {
  dir: string;
  maxBytes: number;
}

export type UploadResult = { ok: true; path: string } | { ok: false; status: 400 | 413 | 500; reason: string };

const DAY = 24 * 60 * 60 * 1000;

/** Uploads are working copies: anything older than a day is removed when the next one arrives. */
function sweep(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > DAY) removeFile(file);
    } catch {
      // Another request removed it first, or it is in use: either way it is not ours to fight over.
    }
  }
}

export async function receiveUpload(
  req: IncomingMessage,
  cfg: UploadConfig,
  name: string | null,
): Promise<UploadResult> {
  const tooLarge: UploadResult = {
    ok: false,
    status: 413,
    reason: message('app.server.uploadTooLarge', { mb: Math.round(cfg.maxBytes / 1048576) }),
  };
  // The caller answers and closes the connection; the rest of a refused body is never read.
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cfg.maxBytes) return tooLarge;
  fs.mkdirSync(cfg.dir, { recursive: true });
  sweep(cfg.dir);
  const safe = safeFileName(name ?? '', 'upload');
  const target = path.join(cfg.dir, `${Date.now()}-${randomBytes(6).toString('hex')}-${safe}`);
  // Under a temporary name until the last byte is in, so a killed server leaves no half file
  // that looks like an upload; the next start removes the temporary one (core/files/leftovers.ts).
  const temp = tempPathIn(cfg.dir, 'upload');
  const out = newFileStream(temp);
  let size = 0;
  return new Promise<UploadResult>((resolve) => {
    let settled = false;
    const finish = (result: UploadResult) => {
      if (settled) return;
      settled = true;
      if (result.ok) {
        try {
          renameFile(temp, target);
        } catch (err) {
          removeFile(temp);
          resolve({ ok: false, status: 500, reason: err instanceof Error ? err.message : String(err) });
          return;
        }
        resolve(result);
        return;
      }
      // Removed once the stream has let go of it: a file still being opened would come back.
      const remove = () => {
        removeFile(temp);
        resolve(result);
      };
      out.destroy();
      if (out.closed) remove();
      else out.once('close', remove);
    };
    const count = (chunk: Buffer) => {
      size += chunk.length;
      if (size > cfg.maxBytes) {
        req.unpipe(out);
        req.off('data', count);
        req.pause();
        finish(tooLarge);
      }
    };
    req.on('data', count);
    const aborted: UploadResult = { ok: false, status: 400, reason: message('app.server.uploadAborted') };
    req.on('aborted', () => finish(aborted));
    req.on('error', () => finish(aborted));
    out.on('error', (err) => finish({ ok: false, status: 500, reason: err.message }));
    // Renamed once closed: Windows cannot rename a file that is still open.
    out.on('close', () => finish({ ok: true, path: target }));
    req.pipe(out);
  });
}
