import { api } from '../api';
import type { CalendarFileResult, CalendarItemKind } from '../api/types';
import { downloadFile, openDocument } from '../documents/open-document';

const ICS_FILTER = [{ name: 'iCalendar', extensions: ['ics'] }];

async function choosePath(texts: { saveTitle: string; fileName: string }): Promise<string | null> {
  const chosen = await api.call('files.chooseSave', {
    title: texts.saveTitle,
    defaultName: texts.fileName,
    filters: ICS_FILTER,
  });
  return chosen?.path ?? null;
}

/**
 * "Tilføj til kalender": the desktop app saves where the user chooses and opens the file in the
 * calendar program (which offers to add it); browser mode downloads it.
 */
export async function addToCalendar(
  kind: CalendarItemKind,
  id: number,
  texts: { saveTitle: string; fileName: string },
): Promise<CalendarFileResult | null> {
  const path = await choosePath(texts);
  if (!path) return null;
  const written = await api.call('calendar.item', { kind, id, path });
  await openDocument(written.path);
  return written;
}

/** The period's file: saved where the user chooses on the desktop, downloaded in browser mode. */
export async function exportCalendar(
  input: { consultant?: number | 'all'; from: string; to: string; notes: boolean },
  texts: { saveTitle: string; fileName: string },
): Promise<CalendarFileResult | null> {
  const path = await choosePath(texts);
  if (!path) return null;
  const written = await api.call('calendar.export', { ...input, path });
  if (api.transport !== 'electron') downloadFile(written.path);
  return written;
}
