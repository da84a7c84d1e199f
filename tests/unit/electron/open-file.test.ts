import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLaunchOptions } from '../../../src-main/electron/launch-options';
import { createFileOpener, fileFromSecondInstance, importRoute } from '../../../src-main/electron/open-file';
import { fileFromHash } from '../../../src-renderer/src/interop/wizard-model';

const WIN_FILE = 'C:\\Users\\Søren Ærø\\OneDrive - Kommune\\Sager\\Ådalen & Co #2.bindeled.json';

function opener() {
  const granted: string[] = [];
  const routes: string[] = [];
  const o = createFileOpener({ grant: (f) => granted.push(f), openRoute: (r) => routes.push(r) });
  return { o, granted, routes };
}

describe('a caseload file handed over by the system', () => {
  it('goes to the import page with the file in the route, and the page reads back the same path', () => {
    const route = importRoute(WIN_FILE);
    expect(route.startsWith('/import?file=')).toBe(true);
    expect(fileFromHash(`#${route}`)).toEqual({ path: WIN_FILE, name: 'Ådalen & Co #2.bindeled.json' });
    expect(fileFromHash('#/import?file=%2Fhome%2Fs%2Fsag.bindeled.json')).toEqual({
      path: '/home/s/sag.bindeled.json',
      name: 'sag.bindeled.json',
    });
    expect(fileFromHash('#/import')).toBeNull();
    expect(fileFromHash('#/import?file=')).toBeNull();
  });

  it('at first start comes from argv, made absolute against the folder Bindeled was started in', () => {
    const o = resolveLaunchOptions({
      argv: ['/opt/Bindeled/bindeled', 'sager/sag.bindeled.json'],
      env: {},
      userDataDir: () => '/home/s/.config/Bindeled',
      isPackaged: true,
    });
    expect(o.openFile).toBe(path.resolve('sager/sag.bindeled.json'));
    expect(
      resolveLaunchOptions({
        argv: ['bindeled', '--db', '/d/b.json'],
        env: {},
        userDataDir: () => '/u',
        isPackaged: true,
      }).openFile,
    ).toBeNull();
  });

  it('from a second start: its arguments and working folder, Chromium switches ignored', () => {
    const argv = [
      'C:\\Program Files\\Bindeled\\Bindeled.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13312',
      'Ådalen.bindeled.json',
    ];
    expect(fileFromSecondInstance(argv, 'C:\\Users\\Søren Ærø\\Documents', path.win32)).toBe(
      'C:\\Users\\Søren Ærø\\Documents\\Ådalen.bindeled.json',
    );
    expect(fileFromSecondInstance(['Bindeled.exe', WIN_FILE], 'C:\\Windows\\System32', path.win32)).toBe(WIN_FILE);
    expect(fileFromSecondInstance(['bindeled', '/home/s/sag.bindeled.json'], '/tmp', path.posix)).toBe(
      '/home/s/sag.bindeled.json',
    );
    // A second start without a file only brings the window forward.
    expect(fileFromSecondInstance(['Bindeled.exe'], 'C:\\', path.win32)).toBeNull();
  });

  it('waits for the window, then is granted for reading and shown; the last of several wins', () => {
    const { o, granted, routes } = opener();
    // macOS sends open-file before the app is ready.
    o.open('/Users/s/first.bindeled.json');
    o.open('/Users/s/second.bindeled.json');
    expect(routes).toEqual([]);
    o.ready();
    expect(granted).toEqual(['/Users/s/second.bindeled.json']);
    expect(routes).toEqual([importRoute('/Users/s/second.bindeled.json')]);
    // Once running, each file is shown at once.
    o.open(WIN_FILE);
    expect(granted).toEqual(['/Users/s/second.bindeled.json', WIN_FILE]);
    expect(routes.at(-1)).toBe(importRoute(WIN_FILE));
  });

  it('without a file, the window just loads: no route, nothing granted', () => {
    const { o, granted, routes } = opener();
    o.ready();
    expect(granted).toEqual([]);
    expect(routes).toEqual([]);
  });
});
