import { api } from '../api';
import { storedToken } from '../api/token';
import type { Attachment } from '../api/types';
import { downloadFile } from '../documents/open-document';
import { uploadFile } from '../interop/wizard-model';

/** Where a new attachment goes besides its firm. */
export interface AttachTarget {
  companyId: number;
  visitId?: number;
  referralId?: number;
  applicationId?: number;
}

/** The bytes of a browser File as base64, a chunk at a time (String.fromCharCode takes only so many arguments). */
async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A file the consultant dropped or picked in the page: browser mode uploads it first (the server
 * then reads it from its uploads folder); the desktop window sends its bytes, as a sandboxed
 * window has no path for a dropped file.
 */
export async function attachBrowserFile(target: AttachTarget, file: File): Promise<Attachment> {
  if (api.transport === 'electron') {
    return api.call('attachments.addBytes', { ...target, name: file.name, base64: await base64Of(file) });
  }
  const path = await uploadFile(file, storedToken(), (url, init) => window.fetch(url, init));
  return api.call('attachments.add', { ...target, path, name: file.name });
}

/** "Find igen" with a file from the page: the same two ways in as adding one. */
export async function relinkBrowserFile(id: number, file: File): Promise<Attachment> {
  const path = await uploadFile(file, storedToken(), (url, init) => window.fetch(url, init));
  return api.call('attachments.relink', { id, path });
}

/** Opens an attachment: in its default program on the desktop, as a download in browser mode. */
export async function openAttachment(id: number): Promise<void> {
  const opened = await api.call('attachments.open', { id });
  if (api.transport !== 'electron') downloadFile(opened.path);
}
