import { DomainError } from '../core/errors';
import { message } from '../core/messages';

/**
 * The text of the error box shown when Bindeled cannot start (there is no window yet to show a
 * message in). Says what went wrong and what the consultant or their IT support can do.
 */
export function describeStartupError(err: unknown, dbPath: string): string {
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof DomainError) {
    return `${message(err.key, err.params)}\n\n${message('app.startup.database', { path: dbPath })}`;
  }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|better_sqlite3\.node/i.test(text)) {
    return [
      message('app.startup.nativeModule'),
      message('app.startup.nativeModuleFix'),
      '',
      message('app.startup.technical', { error: text }),
    ].join('\n');
  }
  if (/SQLITE_(CANTOPEN|NOTADB|CORRUPT|READONLY|PERM)/.test(errorCode(err) ?? text)) {
    return [
      message('app.startup.cannotOpen', { path: dbPath }),
      message('app.startup.cannotOpenFix'),
      '',
      message('app.startup.technical', { error: text }),
    ].join('\n');
  }
  return [
    message('app.startup.unexpected'),
    '',
    message('app.startup.database', { path: dbPath }),
    message('app.startup.technical', { error: text }),
  ].join('\n');
}

function errorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}
