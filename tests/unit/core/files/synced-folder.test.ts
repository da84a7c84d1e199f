import { describe, expect, it } from 'vitest';
import {
  type StorageProbe,
  safeDatabasePath,
  storageRisk,
  storageWarning,
} from '../../../../src-main/core/files/synced-folder';

const HOME = 'C:\\Users\\Søren Ærø';
const win = (env: Record<string, string> = {}, mapped: string[] = []): StorageProbe & { home: string } => ({
  platform: 'win32',
  env: { APPDATA: `${HOME}\\AppData\\Roaming`, LOCALAPPDATA: `${HOME}\\AppData\\Local`, ...env },
  isNetworkDrive: (letter) => mapped.includes(letter),
  home: HOME,
});
const mac: StorageProbe & { home: string } = { platform: 'darwin', env: {}, home: '/Users/soren' };
const linux: StorageProbe & { home: string } = { platform: 'linux', env: {}, home: '/home/soren' };

describe('a database in a synced or network folder', () => {
  it.each([
    // OneDrive, found by the variables its client sets (the folder may have any name).
    [
      'OneDrive (personal) by %OneDrive%',
      `${HOME}\\OneDrive\\Bindeled\\bindeled.db`,
      win({ OneDrive: `${HOME}\\OneDrive` }),
      'onedrive',
    ],
    [
      'OneDrive for work by %OneDriveCommercial%, another case',
      `c:\\users\\søren ærø\\sky - kommune\\b.db`,
      win({ OneDriveCommercial: `${HOME}\\Sky - Kommune` }),
      'onedrive',
    ],
    [
      'Documents moved into OneDrive',
      `${HOME}\\OneDrive - Erhvervshus Midtjylland\\Dokumenter\\bindeled.db`,
      win(),
      'onedrive',
    ],
    ['OneDrive on macOS', '/Users/soren/Library/CloudStorage/OneDrive-Kommune/bindeled.db', mac, 'onedrive'],
    ['Dropbox', `${HOME}\\Dropbox\\Sager\\bindeled.db`, win(), 'dropbox'],
    ['Dropbox for teams', `${HOME}\\Dropbox (Erhvervshus)\\bindeled.db`, win(), 'dropbox'],
    ['Dropbox on Linux', '/home/soren/Dropbox/bindeled.db', linux, 'dropbox'],
    ['Google Drive on its drive letter', 'G:\\My Drive\\bindeled.db', win(), 'googledrive'],
    ['Google Drive in Danish', 'G:\\Min drev\\Sager\\bindeled.db', win(), 'googledrive'],
    [
      'Google Drive on macOS',
      '/Users/soren/Library/CloudStorage/GoogleDrive-soren@example.dk/My Drive/b.db',
      mac,
      'googledrive',
    ],
    ['iCloud Drive on Windows', `${HOME}\\iCloudDrive\\bindeled.db`, win(), 'icloud'],
    ['iCloud Drive on macOS', '/Users/soren/Library/Mobile Documents/com~apple~CloudDocs/bindeled.db', mac, 'icloud'],
    ['a UNC share', '\\\\fil01\\konsulenter$\\Søren\\bindeled.db', win(), 'network'],
    ['a long UNC path', '\\\\?\\UNC\\fil01\\konsulenter\\bindeled.db', win(), 'network'],
    ['a mapped network drive', 'Z:\\Sager\\bindeled.db', win({}, ['Z']), 'network'],
  ] as const)('%s', (_, file, probe, kind) => {
    expect(storageRisk(file, probe)?.kind).toBe(kind);
  });

  it.each([
    ['the default place', `${HOME}\\AppData\\Roaming\\Bindeled\\bindeled.db`, win({ OneDrive: `${HOME}\\OneDrive` })],
    ['a local folder with æøå and spaces', 'D:\\Sager og kunder\\Ærø\\bindeled.db', win({}, ['Z'])],
    ['a folder that merely mentions OneDrive', `${HOME}\\Dokumenter\\Flyt-fra-onedrivex\\bindeled.db`, win()],
    ['macOS Application Support', '/Users/soren/Library/Application Support/Bindeled/bindeled.db', mac],
    ['Linux home', '/home/soren/.config/Bindeled/bindeled.db', linux],
    ['a database in memory', ':memory:', win()],
  ] as const)('is left alone in %s', (_, file, probe) => {
    expect(storageRisk(file, probe)).toBeNull();
  });

  it('says what is wrong in Danish and offers the default place', () => {
    const probe = win({ OneDrive: `${HOME}\\OneDrive` });
    expect(storageWarning(`${HOME}\\OneDrive\\bindeled.db`, probe)).toBe(
      `Databasen ${HOME}\\OneDrive\\bindeled.db ligger i en mappe, som OneDrive synkroniserer (${HOME}\\OneDrive). Synkroniseringen kan ødelægge databasen, mens Bindeled bruger den. Flyt den til ${HOME}\\AppData\\Roaming\\Bindeled\\bindeled.db. Breve og eksporter må gerne ligge i den synkroniserede mappe.`,
    );
    expect(storageWarning('Z:\\bindeled.db', win({}, ['Z']))).toMatch(
      /^Databasen Z:\\bindeled\.db ligger på et netværksdrev \(Z:\\\)/,
    );
    expect(storageWarning(`${HOME}\\AppData\\Roaming\\Bindeled\\bindeled.db`, probe)).toBeNull();
  });

  it('offers the local AppData when IT has redirected the roaming one to a share', () => {
    const probe = win({ APPDATA: '\\\\fil01\\profiler\\soren\\AppData\\Roaming' });
    expect(safeDatabasePath(probe)).toBe(`${HOME}\\AppData\\Local\\Bindeled\\bindeled.db`);
    expect(safeDatabasePath(mac)).toBe('/Users/soren/Library/Application Support/Bindeled/bindeled.db');
    expect(safeDatabasePath(linux)).toBe('/home/soren/.config/Bindeled/bindeled.db');
  });
});
