import fs from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';

export type OpenedFile = { ok: true; handle: fs.promises.FileHandle; size: number } | { ok: false; status: 404 | 500 };

/**
 * Opens the file before any header is sent, so a file deleted or moved since Bindeled wrote it
 * (or a folder, or one the process may not read) is answered with a status instead of a stream
 * error nobody listens to.
 */
export async function openForSending(file: string): Promise<OpenedFile> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, status: code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' ? 404 : 500 };
  }
  try {
    const stat = await handle.stat();
    if (stat.isFile()) return { ok: true, handle, size: stat.size };
    await handle.close();
    return { ok: false, status: 404 };
  } catch {
    await handle.close().catch(() => {});
    return { ok: false, status: 500 };
  }
}

/**
 * Streams an opened file. A read error after the headers went out can only cut the response
 * short (the client sees fewer bytes than Content-Length); it never reaches the process.
 */
export function streamFile(
  req: IncomingMessage,
  res: ServerResponse,
  opened: Extract<OpenedFile, { ok: true }>,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(200, { ...headers, 'Content-Length': opened.size });
  if (req.method === 'HEAD') {
    res.end();
    void opened.handle.close().catch(() => {});
    return;
  }
  pipeline(opened.handle.createReadStream(), res, (err) => {
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('[bindeled] sending a file failed:', err);
  });
}
