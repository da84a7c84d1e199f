import { api } from '../api';
import { storedToken } from '../api/token';
import { downloadUrl } from './download-url';

/** Opens a written document: in Word on the desktop, as a download in browser mode. */
export async function openDocument(path: string): Promise<void> {
  if (api.transport === 'electron') {
    await api.call('files.open', { path });
    return;
  }
  downloadFile(path);
}

/** Browser mode: hands a file the app wrote to the browser as a download under its own name. */
export function downloadFile(path: string): void {
  const a = document.createElement('a');
  a.href = downloadUrl(path, storedToken());
  a.download = path.split(/[\\/]/).pop() ?? '';
  document.body.append(a);
  a.click();
  a.remove();
}
