import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog, Shell } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiContext } from '../../../src-main/api/context';
import {
  type ApiResult,
  type BindeledBridge,
  IPC_EVENT,
  IPC_INVOKE,
  type JobProgress,
  METHOD_NAMES,
} from '../../../src-main/api/contract';
import { createDispatcher, type Dispatch } from '../../../src-main/api/dispatcher';
import { handlers } from '../../../src-main/api/handlers';
import type { Company } from '../../../src-main/core/companies/schema';
import { openDatabase } from '../../../src-main/core/db/open';
import { cvrCheckDigit } from '../../../src-main/core/domain/cvr';
import { recordWrittenFile } from '../../../src-main/core/files/written-files';
import { exposeBridge, type IpcRendererLike } from '../../../src-main/electron/bridge';
import { bindIpc, createEventEmitter, type IpcMainLike, type IpcSenderEvent } from '../../../src-main/electron/ipc';
import { createShellServices } from '../../../src-main/electron/shell-services';
import { createSenderCheck } from '../../../src-main/electron/window-security';
import { tempDir } from '../../helpers/temp-db';

/**
 * The Electron transport end to end, without Electron: the real preload bridge and the real IPC
 * binding talk through fakes that behave like ipcRenderer/ipcMain (one handler per channel,
 * structured clone both ways, a rejected promise for an unknown channel) to the real dispatcher
 * over a real database file.
 */
type Listener = (event: unknown, ...args: unknown[]) => void;
type MainListener = (event: IpcSenderEvent, ...args: unknown[]) => unknown;

class FakeElectron {
  readonly handlers = new Map<string, MainListener>();
  readonly rendererListeners = new Map<string, Set<Listener>>();
  readonly rendererChannels: string[] = [];
  frame: { url: string; parent: unknown } | null = { url: 'app://bindeled/index.html', parent: null };
  senderId = 7;
  invokes = 0;
  world: Record<string, unknown> = {};

  readonly ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  readonly ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      this.invokes++;
      const cloned = structuredClone(args);
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      const event: IpcSenderEvent = { sender: { id: this.senderId }, senderFrame: this.frame };
      return structuredClone(await handler(event, ...cloned));
    },
    on: (channel, listener) => {
      this.rendererChannels.push(channel);
      const set = this.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      this.rendererListeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      this.rendererListeners.get(channel)?.delete(listener);
    },
  };

  /** The window's webContents as main sees it. */
  readonly webContents = {
    id: 7,
    isDestroyed: () => false,
    send: (channel: string, ...args: unknown[]) => {
      for (const listener of this.rendererListeners.get(channel) ?? []) {
        listener({ senderId: 0, ports: [] }, ...structuredClone(args));
      }
    },
  };

  readonly contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      this.world[key] = api;
    },
  };
}

interface DialogCall {
  kind: 'save' | 'open';
  window: unknown;
  options: Record<string, unknown>;
}

function fakeDialog(calls: DialogCall[], answer: { canceled: boolean; path: string }) {
  return {
    showSaveDialog: async (...args: unknown[]) => {
      calls.push({ kind: 'save', window: args.length > 1 ? args[0] : null, options: args.at(-1) as never });
      return { canceled: answer.canceled, filePath: answer.canceled ? '' : answer.path };
    },
    showOpenDialog: async (...args: unknown[]) => {
      calls.push({ kind: 'open', window: args.length > 1 ? args[0] : null, options: args.at(-1) as never });
      return { canceled: answer.canceled, filePaths: answer.canceled ? [] : [answer.path] };
    },
  } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
}

let fake: FakeElectron;
let bridge: BindeledBridge;
let dir: string;
let cleanup: () => void;
let ctx: ApiContext;
let unbind: () => void;
let dispatched: string[];
const dialogCalls: DialogCall[] = [];
const opened: string[] = [];
const theWindow = { id: 1 } as unknown as BaseWindow;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('bindeled-ipc-'));
  const dbPath = path.join(dir, 'bindeled.db');
  fake = new FakeElectron();
  dispatched = [];
  dialogCalls.length = 0;
  opened.length = 0;
  ctx = {
    db: openDatabase(dbPath),
    dbPath,
    transport: 'electron',
    appVersion: '0.1.0-test',
    emit: createEventEmitter(() => fake.webContents),
    shell: createShellServices({
      dialog: fakeDialog(dialogCalls, { canceled: false, path: path.join(dir, 'valgt.xlsx') }),
      shell: {
        openPath: async (p: string) => {
          opened.push(p);
          return '';
        },
      } as Pick<Shell, 'openPath'>,
      window: () => theWindow,
    }),
  };
  // Progress from a real handler: app.info reports one step when called as a job.
  const dispatch = createDispatcher(ctx, {
    ...handlers,
    'app.info': (input, call) => {
      call.progress(1, 2, 'Halvvejs');
      return handlers['app.info'](input, call);
    },
  });
  const recording: Dispatch = (method, input, options) => {
    dispatched.push(String(method));
    return dispatch(method, input, options);
  };
  unbind = bindIpc({
    ipcMain: fake.ipcMain,
    dispatch: recording,
    isTrustedSender: createSenderCheck({ windowContentsId: () => fake.webContents.id, devServerUrl: null }),
  });
  exposeBridge(fake.contextBridge, fake.ipcRenderer);
  bridge = fake.world.bindeled as BindeledBridge;
});

afterEach(() => {
  unbind();
  ctx.db.close();
  cleanup();
});

function expectWellFormed(result: ApiResult<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) expect(result).toHaveProperty('value');
  else {
    expect(typeof result.error.code).toBe('string');
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message).not.toMatch(/\n\s+at /); // no stack traces cross the boundary
  }
}

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function validCvr(first7: string): string {
  const digit = cvrCheckDigit(first7);
  if (digit === undefined) throw new Error(`no CVR starts with ${first7}`);
  return `${first7}${digit}`;
}

describe('window.bindeled over IPC', () => {
  it('is exactly two functions and the transport name, with no way to reach ipcRenderer', () => {
    expect(Object.keys(fake.world)).toEqual(['bindeled']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'transport']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
    expect(bridge.transport).toBe('electron');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
  });

  it('creates, reads and lists a company with the values the consultant typed', async () => {
    const created = await value<Company>('companies.create', {
      name: '  Ådalens Gårdbutik ',
      cvr: 'DK 1374 8136',
      ownerName: 'Mette Jensen',
      postcode: '8370',
      kommuneCode: 710,
      employees: 3,
    });
    expect(created).toMatchObject({
      name: 'Ådalens Gårdbutik',
      cvr: '13748136',
      owner: 'Mette Jensen',
      kommune: 'Favrskov',
      employees: 3,
    });
    expect(await value<Company>('companies.get', { id: created.id })).toEqual(created);
    const page = await value<{ rows: Array<{ id: number; name: string; cvr: string }>; total: number }>(
      'companies.list',
      { search: 'ådalen' },
    );
    expect(page.total).toBe(1);
    expect(page.rows.map((r) => [r.id, r.name, r.cvr])).toEqual([[created.id, 'Ådalens Gårdbutik', '13748136']]);
    const info = await value<{ databasePath: string; companyCount: number; transport: string }>('app.info', {});
    expect(info).toMatchObject({ databasePath: ctx.dbPath, companyCount: 1, transport: 'electron' });
  });

  it('answers every contract method with a well-formed result, never a throw', async () => {
    const company = await value<Company>('companies.create', { name: 'Møllers Tømrer ApS', cvr: validCvr('1374813') });
    const contact = await value<{ id: number }>('contacts.create', { companyId: company.id, name: 'Anne' });
    const doomed = await value<{ id: number }>('contacts.create', { companyId: company.id, name: 'Bo' });
    const view = await value<{ id: number }>('views.save', {
      name: 'Slettes',
      state: { sort: [], filters: {}, search: '', columnOrder: [], hiddenColumns: [] },
    });
    const valid: Record<string, unknown> = {
      'companies.list': { limit: 10 },
      'companies.get': { id: company.id },
      'companies.validate': { cvr: '12345678' },
      'companies.create': { name: 'Uregistreret Iværksætter', recordType: 'unregistered' },
      'companies.update': { id: company.id, changes: { city: 'Odense' } },
      'companies.correctCvr': { id: company.id, cvr: validCvr('2000001'), reason: 'Tastefejl ved oprettelse' },
      'companies.history': { id: company.id },
      'contacts.list': { companyId: company.id },
      'contacts.create': { companyId: company.id, name: 'Carl', isOwner: true },
      'contacts.update': { id: contact.id, changes: { phone: '12 34 56 78' } },
      'contacts.delete': { id: doomed.id },
      'views.list': {},
      'views.save': {
        name: 'Mine',
        state: { sort: [{ column: 'name', desc: false }], filters: {}, search: '', columnOrder: [], hiddenColumns: [] },
      },
      'views.delete': { id: view.id },
      'reference.kommuner': {},
      'reference.consultants': {},
      'reference.organisations': {},
      'reference.postcode': { postcode: '5000' },
      'consultants.ensure': { name: 'Karen Konsulent' },
      'settings.get': {},
      'settings.update': { 'user.name': 'Karen Konsulent' },
      'app.info': {},
      'jobs.cancel': { jobId: 'ingen-saadan' },
      'files.chooseSave': {
        title: 'Gem',
        defaultName: 'liste.xlsx',
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      },
      'files.chooseOpen': { title: 'Åbn', filters: [] },
      'files.chooseFolder': { title: 'Vælg mappe' },
      'files.open': { path: path.join(dir, 'ikke-skrevet-af-bindeled.docx') },
    };
    const expectedFailure: Record<string, string> = { 'files.open': 'forbidden' };

    for (const method of METHOD_NAMES) {
      // Methods added after this test was written get a deliberately invalid input: still a result.
      const known = Object.hasOwn(valid, method);
      const result = await bridge.invoke(method, known ? valid[method] : 42);
      expectWellFormed(result);
      if (!known) expect(result.ok, method).toBe(false);
      else if (expectedFailure[method]) {
        expect(result.ok ? 'ok' : result.error.code, method).toBe(expectedFailure[method]);
      } else expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`, method).toBe('ok');
    }
    expect(dispatched).toEqual(expect.arrayContaining(METHOD_NAMES));
  });

  it('turns invalid input for every method into an invalid_input result', async () => {
    for (const method of METHOD_NAMES) {
      const result = await bridge.invoke(method, 42);
      expectWellFormed(result);
      expect(result.ok ? 'ok' : result.error.code, method).toBe('invalid_input');
    }
    const bad = await bridge.invoke('companies.create', { name: 'x'.repeat(201) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.details?.fields?.[0]?.field).toBe('name');
  });

  it('refuses malformed method names in the page, without an IPC call', async () => {
    for (const name of ['', 'companies', 'companies.list; drop', '__proto__.x', 'a.b.c', 'Companies.list', ' x.y']) {
      const result = await bridge.invoke(name, {});
      expect(result.ok ? 'ok' : result.error.code, name).toBe('unknown_method');
    }
    expect(await bridge.invoke(42 as unknown as string, {})).toMatchObject({ ok: false });
    expect(fake.invokes).toBe(0);
    const unknown = await bridge.invoke('companies.explode', {});
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('unknown_method');
    expect(fake.invokes).toBe(1);
  });

  it('returns an error result when the input cannot cross the process boundary', async () => {
    const result = await bridge.invoke('app.info', { callback: () => 1 });
    expect(result.ok ? 'ok' : result.error.code).toBe('internal');
  });
});

describe('main accepts IPC only from its own window', () => {
  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['an iframe inside the app', { url: 'app://bindeled/index.html', parent: {} }],
    ['a destroyed frame', null],
  ])('refuses %s with a typed error and never dispatches', async (_label, frame) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.frame = frame;
    const result = await bridge.invoke('companies.create', { name: 'Indsmuglet ApS' });
    expect(warn).toHaveBeenCalledWith('[bindeled] IPC refused from', frame?.url ?? '(no frame)');
    warn.mockRestore();
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Forespørgslen kom ikke fra Bindeleds eget vindue og blev afvist.' },
    });
    expect(dispatched).toEqual([]);
    fake.frame = { url: 'app://bindeled/index.html', parent: null };
    expect((await value<{ total: number }>('companies.list', {})).total).toBe(0);
  });

  it('refuses another window showing the app page', async () => {
    vi.spyOn(console, 'warn').mockImplementationOnce(() => {});
    fake.senderId = 99;
    const result = await bridge.invoke('app.info', {});
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
  });

  it('listens on the invoke channel only, and the page on the event channel only', async () => {
    expect([...fake.handlers.keys()]).toEqual([IPC_INVOKE]);
    await expect(fake.ipcRenderer.invoke('bindeled:other', { method: 'app.info', input: {} })).rejects.toThrow(
      /No handler registered/,
    );
    bridge.onEvent(() => {});
    expect(fake.rendererChannels).toEqual([IPC_EVENT]);
    unbind();
    expect(fake.handlers.size).toBe(0);
    expect((await bridge.invoke('app.info', {})).ok).toBe(false);
  });

  it('answers a malformed payload or a failing dispatcher with an error result', async () => {
    const handler = fake.handlers.get(IPC_INVOKE);
    const event: IpcSenderEvent = { sender: { id: 7 }, senderFrame: { url: 'app://bindeled/', parent: null } };
    for (const payload of [undefined, null, 'app.info', [], { input: {} }, { method: 'app.info', jobId: 5 }]) {
      expect(await handler?.(event, payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    unbind();
    const logged = vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    bindIpc({
      ipcMain: fake.ipcMain,
      dispatch: () => {
        throw new Error('boom');
      },
      isTrustedSender: () => true,
    });
    const result = await bridge.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('boom');
    expect(logged).toHaveBeenCalledOnce(); // the developer still sees what broke, in main's log
    unbind = () => fake.ipcMain.removeHandler(IPC_INVOKE);
  });
});

describe('progress events', () => {
  it('reach the page listener for a job, and stop after unsubscribing', async () => {
    const seen: JobProgress[] = [];
    const unsubscribe = bridge.onEvent((e) => seen.push(e));
    expect((await bridge.invoke('app.info', {}, { jobId: 'job-1' })).ok).toBe(true);
    expect(seen).toEqual([{ jobId: 'job-1', method: 'app.info', done: 1, total: 2, message: 'Halvvejs' }]);

    await bridge.invoke('app.info', {}); // not a job: no events
    expect(seen).toHaveLength(1);

    fake.webContents.send(IPC_EVENT, { jobId: 5, junk: true }); // malformed: dropped by the bridge
    expect(seen).toHaveLength(1);

    unsubscribe();
    await bridge.invoke('app.info', {}, { jobId: 'job-2' });
    expect(seen).toHaveLength(1);
  });

  it('is dropped quietly when the window is gone', () => {
    const emit = createEventEmitter(() => ({
      isDestroyed: () => true,
      send: () => {
        throw new Error('must not send to a destroyed window');
      },
    }));
    expect(() => emit({ jobId: 'j', method: 'm', done: 0, total: 1 })).not.toThrow();
    expect(() => createEventEmitter(() => null)({ jobId: 'j', method: 'm', done: 0, total: 1 })).not.toThrow();
  });

  it('refuses a bad job id before it leaves the page', async () => {
    const result = await bridge.invoke('app.info', {}, { jobId: 'x'.repeat(65) });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    expect(fake.invokes).toBe(0);
  });
});

describe('native dialogs and "open in Word"', () => {
  it('shows dialogs modal to the window and returns the chosen path', async () => {
    const saved = await value<{ path: string } | null>('files.chooseSave', {
      title: 'Gem eksport',
      defaultName: 'virksomheder.xlsx',
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
    expect(saved).toEqual({ path: path.join(dir, 'valgt.xlsx') });
    await value('files.chooseFolder', { title: 'Vælg mappe' });
    expect(dialogCalls).toEqual([
      {
        kind: 'save',
        window: theWindow,
        options: expect.objectContaining({
          title: 'Gem eksport',
          defaultPath: 'virksomheder.xlsx',
          filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        }),
      },
      {
        kind: 'open',
        window: theWindow,
        options: expect.objectContaining({ properties: expect.arrayContaining(['openDirectory']) }),
      },
    ]);
  });

  it('returns null when the consultant cancels', async () => {
    const shell = createShellServices({
      dialog: fakeDialog([], { canceled: true, path: '' }),
      shell: { openPath: async () => '' } as Pick<Shell, 'openPath'>,
      window: () => null,
    });
    expect(await shell.chooseSave({ title: 't', defaultName: 'a.csv', filters: [] })).toBeNull();
    expect(await shell.chooseOpen({ title: 't', filters: [] })).toBeNull();
    expect(await shell.chooseFolder({ title: 't' })).toBeNull();
  });

  it('opens only files Bindeled wrote, and reports a file that is gone', async () => {
    const letter = path.join(dir, 'brev.docx');
    fs.writeFileSync(letter, 'PK');
    const refused = await bridge.invoke('files.open', { path: letter });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    expect(opened).toEqual([]);

    recordWrittenFile(ctx.db, letter, 'letter');
    expect((await bridge.invoke('files.open', { path: letter })).ok).toBe(true);
    expect(opened).toEqual([letter]);

    fs.rmSync(letter);
    const gone = await bridge.invoke('files.open', { path: letter });
    expect(gone.ok ? 'ok' : gone.error.message).toContain('Filen kunne ikke åbnes');
    expect(opened).toHaveLength(1);
  });
});
