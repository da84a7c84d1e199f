import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../errors';

/**
 * Where updates come from is IT's decision, written once per machine in a file only an
 * administrator can change; without that file Bindeled never looks for updates.
 *
 *   Windows  %ProgramData%\Bindeled\update.json
 *   macOS    /Library/Application Support/Bindeled/update.json
 *   Linux    /etc/bindeled/update.json
 *
 * { "url": "https://intra.kommune.dk/bindeled/" }      a web server (generic provider)
 * { "url": "\\\\fil01\\software\\Bindeled" }             or a file share
 * "publisherName" (the installer's signer, checked on Windows) and "checkHours" are optional.
 */
export interface UpdateConfig {
  /** An http(s) URL or an absolute folder (a UNC share), holding latest.yml and the installers. */
  source: string;
  publisherName: string[];
  checkHours: number;
  /** The file it was read from, for messages. */
  file: string;
}

const schema = z
  .object({
    url: z.string().trim().min(1).max(2000),
    publisherName: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    checkHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
  })
  .strict();

export function machineConfigPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Bindeled', 'update.json');
  if (platform === 'darwin') return '/Library/Application Support/Bindeled/update.json';
  return '/etc/bindeled/update.json';
}

function isSource(url: string): boolean {
  if (/^https?:\/\//i.test(url)) return URL.canParse(url);
  return path.win32.isAbsolute(url) || path.posix.isAbsolute(url);
}

/** The configuration, or null when there is none (updates off). A broken file is an error naming it: IT must know. */
export function readUpdateConfig(file: string): UpdateConfig | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DomainError('invalid_input', 'update.configInvalid', { path: file, reason: String(err) });
  }
  let parsed: z.infer<typeof schema>;
  try {
    parsed = schema.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (err) {
    const reason =
      err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err);
    throw new DomainError('invalid_input', 'update.configInvalid', { path: file, reason });
  }
  if (!isSource(parsed.url))
    throw new DomainError('invalid_input', 'update.configInvalid', { path: file, reason: `url: ${parsed.url}` });
  const publisherName = parsed.publisherName === undefined ? [] : [parsed.publisherName].flat();
  return { source: parsed.url, publisherName, checkHours: parsed.checkHours, file };
}
