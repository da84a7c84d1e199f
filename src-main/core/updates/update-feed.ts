import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../errors';
import { flushFile, newFileStream, removeFile, renameFile } from '../files/file-ops';

/**
 * The update feed electron-builder publishes for the generic provider: `latest.yml` (Windows),
 * `latest-mac.yml`, `latest-linux.yml` beside the installers, on a web server or a file share.
 */
export interface UpdateInfo {
  version: string;
  /** The installer's file name, relative to the feed. */
  path: string;
  /** Base64 SHA-512 of the installer, as electron-builder writes it. */
  sha512: string;
  size: number | null;
  releaseDate: string | null;
  /** What changed, as the release manager wrote it (in Danish): shown before the user restarts. */
  releaseNotes: string | null;
}

export function channelFile(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return 'latest-linux.yml';
  return 'latest.yml';
}

function scalar(raw: string): string {
  const v = raw.trim();
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.startsWith('"') && v.endsWith('"')) return JSON.parse(v) as string;
  return v;
}

/**
 * Reads the YAML electron-builder writes there (flat keys, a `files` list, release notes as a
 * quoted or block scalar); anything else in the file is ignored.
 */
export function parseUpdateInfo(text: string, source: string): UpdateInfo {
  const top = new Map<string, string>();
  const files: Array<Record<string, string>> = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const key = /^([A-Za-z0-9_]+):(?:\s(.*))?$/.exec(line);
    if (key) {
      const [, name, value = ''] = key;
      if (/^[|>][-+]?$/.test(value.trim())) {
        const block: string[] = [];
        while (i + 1 < lines.length && (/^\s/.test(lines[i + 1] as string) || lines[i + 1] === ''))
          block.push(lines[++i] as string);
        const indent = Math.min(...block.filter((b) => b.trim()).map((b) => b.length - b.trimStart().length));
        top.set(
          name as string,
          block
            .map((b) => b.slice(indent))
            .join('\n')
            .trim(),
        );
      } else top.set(name as string, scalar(value));
      continue;
    }
    const item = /^\s*-\s+([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    if (item) files.push({ [item[1] as string]: scalar(item[2] as string) });
    const field = /^\s+([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    if (!item && field && files.length)
      (files[files.length - 1] as Record<string, string>)[field[1] as string] = scalar(field[2] as string);
  }
  const version = top.get('version');
  const first = files[0];
  const file = top.get('path') || first?.url;
  const sha512 = top.get('sha512') || first?.sha512;
  if (!version || !/^\d+\.\d+\.\d+/.test(version) || !file || !sha512)
    throw new DomainError('invalid_input', 'update.feedBroken', { url: source });
  const size = Number(first?.size ?? Number.NaN);
  return {
    version,
    path: file,
    sha512,
    size: Number.isFinite(size) ? size : null,
    releaseDate: top.get('releaseDate') || null,
    releaseNotes: top.get('releaseNotes') || null,
  };
}

const isWeb = (source: string) => /^https?:\/\//i.test(source);

/** The URL or path of a file in the feed. */
export function feedEntry(source: string, name: string): string {
  if (isWeb(source)) return new URL(name, source.endsWith('/') ? source : `${source}/`).toString();
  if (path.basename(name) !== name) throw new DomainError('invalid_input', 'update.feedBroken', { url: source });
  return /^\\\\|^[a-z]:/i.test(source) ? path.win32.join(source, name) : path.join(source, name);
}

async function open(source: string, name: string): Promise<Readable> {
  const where = feedEntry(source, name);
  try {
    if (!isWeb(source)) return fs.createReadStream(where);
    const res = await fetch(where, { redirect: 'follow' });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  } catch (err) {
    throw new DomainError('invalid_input', 'update.feedFailed', { url: where, reason: (err as Error).message });
  }
}

export async function fetchUpdateInfo(source: string, platform: NodeJS.Platform): Promise<UpdateInfo> {
  const name = channelFile(platform);
  const chunks: Buffer[] = [];
  try {
    for await (const c of await open(source, name)) chunks.push(c as Buffer);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', 'update.feedFailed', {
      url: feedEntry(source, name),
      reason: (err as Error).message,
    });
  }
  return parseUpdateInfo(Buffer.concat(chunks).toString('utf8'), feedEntry(source, name));
}

/**
 * Downloads the installer into `dir` under a temporary name, checks its size and SHA-512 against
 * the feed, and only then gives it its name: a torn or altered download is never kept.
 */
export async function downloadInstaller(source: string, info: UpdateInfo, dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, path.basename(info.path));
  const temp = path.join(dir, `.${path.basename(info.path)}.download`);
  removeFile(temp);
  const hash = createHash('sha512');
  let size = 0;
  try {
    const input = await open(source, info.path);
    input.on('data', (c: Buffer) => {
      hash.update(c);
      size += c.length;
    });
    await pipeline(input, newFileStream(temp));
    flushFile(temp);
    if ((info.size !== null && size !== info.size) || hash.digest('base64') !== info.sha512)
      throw new DomainError('invalid_input', 'update.badHash', { file: path.basename(info.path) });
    renameFile(temp, target);
    return target;
  } catch (err) {
    removeFile(temp);
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', 'update.feedFailed', {
      url: feedEntry(source, info.path),
      reason: (err as Error).message,
    });
  }
}
