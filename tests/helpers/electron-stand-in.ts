import type { ApiResult } from '../../src-main/api/contract';
import { APP_ENTRY_URL } from '../../src-main/electron/app-protocol';
import type { IpcSenderEvent } from '../../src-main/electron/ipc';

/**
 * A test double of the `electron` module, enough for `src-main/electron/main.ts` to start under
 * plain Node: the app starts at once, the window loads nothing, dialogs are never shown. What main
 * binds to IPC is kept, so a test (or the benchmark) calls it as the window would. The database
 * work behind it is real.
 */

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(name, wrapped);
      return fn(...args);
    };
    return this.on(name, wrapped);
  }
  off(name: string, fn: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== fn),
    );
    return this;
  }
  emit(name: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(name) ?? [];
    for (const l of list) l(...args);
    return list.length > 0;
  }
}

let resolveLoaded: () => void = () => {};
/** Resolves once main has bound IPC and loaded its window: the app is ready for calls. */
export const windowLoaded = new Promise<void>((resolve) => {
  resolveLoaded = resolve;
});

const handlers = new Map<string, Listener>();
export const sent: Array<{ channel: string; args: unknown[] }> = [];
let nextContentsId = 1;
let window: BrowserWindow | null = null;

class WebContents extends Emitter {
  readonly id = nextContentsId++;
  private url = '';
  isDestroyed() {
    return false;
  }
  send(channel: string, ...args: unknown[]) {
    sent.push({ channel, args });
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler() {}
  setUrl(url: string) {
    this.url = url;
  }
}

export class BrowserWindow extends Emitter {
  readonly webContents = new WebContents();
  constructor(readonly options: unknown) {
    super();
    window = this;
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {}
  focus() {}
  async loadURL(url: string) {
    this.webContents.setUrl(url);
    // main.ts goes on after its `await loadURL`; the test waits for that.
    queueMicrotask(() => resolveLoaded());
  }
}

export const app = Object.assign(new Emitter(), {
  isPackaged: false,
  enableSandbox() {},
  getPath: (name: string) => `/nonexistent/bindeled-stand-in/${name}`,
  setPath() {},
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  setAboutPanelOptions() {},
  quit() {
    app.emit('will-quit', { preventDefault() {} });
  },
  exit() {},
});

const webRequest = { onBeforeRequest() {} };
export const session = {
  defaultSession: {
    webRequest,
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    on() {},
  },
};

export const protocol = { registerSchemesAsPrivileged() {}, handle() {} };
export const Menu = { setApplicationMenu() {}, buildFromTemplate: (t: unknown) => t };
export const ipcMain = {
  handle(channel: string, fn: Listener) {
    handlers.set(channel, fn);
  },
  removeHandler(channel: string) {
    handlers.delete(channel);
  },
};
export const dialog = {
  showErrorBox(title: string, text: string) {
    console.error(`[stand-in error box] ${title}: ${text}`);
  },
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};
export const shell = { openPath: async () => '' };
/** No notifications here: main then starts no reminders. */
export const Notification = Object.assign(() => ({}), { isSupported: () => false });

/** Calls main's handler for the invoke channel as the app's own window does. */
export async function invoke(method: string, input: unknown, jobId?: string): Promise<ApiResult<unknown>> {
  const handler = handlers.get('bindeled:invoke');
  if (!handler || !window) throw new Error('main has not bound IPC yet');
  const event: IpcSenderEvent = {
    sender: { id: window.webContents.id },
    senderFrame: { url: APP_ENTRY_URL, parent: null },
  };
  return (await handler(event, jobId ? { method, input, jobId } : { method, input })) as ApiResult<unknown>;
}

/** Quits as the user does; resolves once main has let the database threads close. */
export async function quit(): Promise<void> {
  const closed = new Promise<void>((resolve) => app.once('quit-done', () => resolve()));
  const realQuit = app.quit;
  let first = true;
  app.quit = () => {
    if (first) {
      first = false;
      let prevented = false;
      app.emit('will-quit', {
        preventDefault() {
          prevented = true;
        },
      });
      if (!prevented) app.emit('quit-done');
    } else app.emit('quit-done');
  };
  app.quit();
  await closed;
  app.quit = realQuit;
}

export default {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  session,
  shell,
};
