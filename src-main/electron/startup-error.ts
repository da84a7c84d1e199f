import { DomainError } from '../core/errors';
import { message } from '../core/messages';

/**
 * The text of the error box shown when Bindeled cannot start (there is no window yet to show a
 * message in). Says what went wrong and what the consultant or their IT support can do.
 */
export function describeStartupError(err: unknown, dbPath: string): string {
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof DomainError) {
    return `${message(err.key, err.params)}\n\nDatabase: ${dbPath}`;
  }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|better_sqlite3\.node/i.test(text)) {
    return [
      'Databasemodulet (better-sqlite3) er ikke bygget til denne version af Electron.',
      'Kør "npm start" med internetforbindelse én gang: den bygger modulet til Electron.',
      '',
      `Teknisk fejl: ${text}`,
    ].join('\n');
  }
  if (/SQLITE_(CANTOPEN|NOTADB|CORRUPT|READONLY|PERM)/.test(errorCode(err) ?? text)) {
    return [
      `Databasefilen kunne ikke åbnes: ${dbPath}`,
      'Kontrollér at filen findes, at du har adgang til den, og at den er en Bindeled-database.',
      '',
      `Teknisk fejl: ${text}`,
    ].join('\n');
  }
  return `Der skete en uventet fejl ved start.\n\nDatabase: ${dbPath}\nTeknisk fejl: ${text}`;
}

function errorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}
