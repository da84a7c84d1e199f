import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, session, shell } from 'electron';
import type { ReminderScheduler } from '../../src-shared/reminders/schedule';
import { type DbHost, startDbHost } from '../api/db-worker/host';
import { DomainError } from '../core/errors';
import { message } from '../core/messages';
import { windowsSignatureCheck } from '../core/updates/signature';
import { machineConfigPath, readUpdateConfig, type UpdateConfig } from '../core/updates/update-config';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { rescheduleOnSettings, routeUrl, startDesktopReminders } from './desktop-reminders';
import { type DesktopUpdates, startDesktopUpdates } from './desktop-updates';
import { bindIpc, createEventEmitter } from './ipc';
import { findNativeBinding, resolveLaunchOptions } from './launch-options';
import { buildMenuTemplate } from './menu';
import { createFileOpener, fileFromSecondInstance } from './open-file';
import { createShellServices } from './shell-services';
import { describeStartupError } from './startup-error';
import { applySessionPolicy, createSenderCheck, hardenWebContents, isAllowedRequestUrl } from './window-security';

/**
 * Electron entry: the only main-process file that imports electron. It wires the pure modules
 * beside it (tested under Node) to the real app, window, session, protocol and IPC.
 */

// Privileged schemes must be registered before `ready`; `standard` gives app:// a real origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const options = resolveLaunchOptions({
  argv: process.argv,
  env: process.env,
  userDataDir: () => app.getPath('userData'),
  isPackaged: app.isPackaged,
});
// Before the single-instance lock, which lives in the userData folder.
if (options.userDataDir) app.setPath('userData', options.userDataDir);

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));

let mainWindow: BrowserWindow | null = null;
let host: DbHost | null = null;
let unbindIpc: (() => void) | null = null;

function liveWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

function showWindow(): BrowserWindow | null {
  const win = liveWindow();
  if (!win) return null;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
}

/** The window forward on a route, as a fragment navigation: an open form stays where it is. */
function openRoute(route: string): void {
  const win = showWindow();
  if (win) void win.loadURL(routeUrl(win.webContents.getURL(), route));
}

// A file the system handed over may be previewed: granted on the database thread, which checks
// the window's paths. It may come before the thread has started.
const earlyGrants: string[] = [];
const grantOpen = (file: string) => (host ? host.grant('open', file) : earlyGrants.push(file));
const fileOpener = createFileOpener({ grant: grantOpen, openRoute });
// macOS hands a double-clicked file over by event, possibly before `ready`.
app.on('open-file', (event, file) => {
  event.preventDefault();
  fileOpener.open(file);
});

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one caseload file would fight over it: hand over to the running one.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    const file = fileFromSecondInstance(argv, workingDirectory);
    if (file) fileOpener.open(file);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    unbindIpc?.();
    unbindIpc = null;
    const closing = host;
    if (!closing) return;
    // The database thread closes its connection first; then the quit goes on.
    host = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  // Packaged, the Electron build of better-sqlite3 is an extra resource beside app.asar (electron-builder.json).
  const nativeBinding = findNativeBinding(app.isPackaged ? process.resourcesPath : app.getAppPath());
  // SQLite runs in the database threads (api/db-worker), never on this thread, which serves the
  // window's menus and IPC. The writer opens the caseload and settles what a crash left before the
  // window can write anything; the daily backup and access-log pruning go on in the background.
  let updates: DesktopUpdates | null = null;
  const threads = await startDbHost({
    dbPath: options.dbPath,
    transport: 'electron',
    appVersion: app.getVersion(),
    nativeBinding,
    startupSafety: true,
    emit: createEventEmitter(() => liveWindow()?.webContents ?? null),
    shell: createShellServices({ dialog, shell, window: liveWindow }),
    updates: {
      status: (openForms) => {
        // Asked by the window's update banner, which exists only once updates are set up below.
        if (!updates) throw new Error('updates not started');
        return updates.status(openForms);
      },
    },
  });
  host = threads;
  for (const file of earlyGrants.splice(0)) threads.grant('open', file);

  applySessionPolicy(session.defaultSession);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, options.devServerUrl);
    if (!allowed) console.warn('[bindeled] request refused:', details.url);
    callback({ cancel: !allowed });
  });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot }));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isDev: options.dev, isMac: process.platform === 'darwin' })),
  );
  app.setAboutPanelOptions({ applicationName: 'Bindeled', applicationVersion: app.getVersion() });

  const locale = () => threads.locale();
  const started = startUpdates(locale());
  updates = started;
  const dispatch = started.trackJobs(threads.dispatch);
  let reminders: ReminderScheduler | null = null;
  unbindIpc = bindIpc({
    ipcMain,
    dispatch: rescheduleOnSettings(dispatch, () => reminders),
    isTrustedSender: createSenderCheck({
      windowContentsId: () => liveWindow()?.webContents.id ?? null,
      devServerUrl: options.devServerUrl,
    }),
    locale,
  });
  mainWindow = createWindow();
  await mainWindow.loadURL(options.devServerUrl ?? APP_ENTRY_URL);
  if (options.openFile) fileOpener.open(options.openFile);
  fileOpener.ready();
  if (Notification.isSupported()) {
    reminders = startDesktopReminders({
      dispatch,
      locale,
      notify: (opts) => new Notification(opts),
      openRoute,
    });
    app.on('will-quit', () => reminders?.stop());
  }
}

/** Updates as IT configured them (core/updates/update-config.ts), installed when the user quits. */
function startUpdates(locale: 'da' | 'en'): DesktopUpdates {
  const file = machineConfigPath(process.platform, process.env);
  let config: UpdateConfig | null = null;
  let configError: string | null = null;
  try {
    config = readUpdateConfig(file);
  } catch (err) {
    configError = err instanceof DomainError ? message(err.key, err.params, locale) : String(err);
  }
  const updates = startDesktopUpdates({
    config,
    configError,
    currentVersion: app.getVersion(),
    platform: process.platform,
    cacheDir: path.join(app.getPath('userData'), 'updates'),
    verifySignature: windowsSignatureCheck,
    locale,
    runInstaller: (installer, args) => {
      // NSIS runs silently once Bindeled has gone; elsewhere the system opens the downloaded package.
      if (process.platform === 'win32') spawn(installer, args, { detached: true, stdio: 'ignore' }).unref();
      else void shell.openPath(installer);
    },
  });
  // `quit` comes after every window has closed, so the installer finds no Bindeled running.
  app.once('quit', () => {
    updates.stop();
    updates.quit();
  });
  return updates;
}

function createWindow(): BrowserWindow {
  // webPreferences stays an inline literal with every value written out: the security scanner
  // reads it this way, and so does a reviewer.
  const win = new BrowserWindow({
    title: 'Bindeled',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
      devTools: options.dev,
      // Chromium's spellchecker downloads dictionaries; Bindeled makes no network requests.
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  return win;
}

function fail(err: unknown): void {
  console.error('[bindeled] start failed:', err);
  dialog.showErrorBox(message('app.startFailed'), describeStartupError(err, options.dbPath));
  app.exit(1);
}
