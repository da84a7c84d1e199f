import { api } from '../api';
import { downloadUrl } from './download-url';

/** Same key as api/index.ts keeps the browser-mode session token under. */
const TOKEN_KEY = 'bindeled.token';

/** Opens a written document: in Word on the desktop, as a download in browser mode. */
export async function openDocument(path: string): Promise<void> {
  if (api.transport === 'electron') {
    await api.call('files.open', { path });
    return;
  }
  const a = document.createElement('a');
  a.href = downloadUrl(path, sessionStorage.getItem(TOKEN_KEY) ?? '');
  a.download = path.split(/[\\/]/).pop() ?? '';
  document.body.append(a);
  a.click();
  a.remove();
}
