import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/api/content-security-policy';
import { migrations } from '../../../src-main/core/db/migrations';

/**
 * Folders are layers (docs/architecture.md): these rules keep core free of Electron and of the layers above
 * it, keep the API free of the shells and the shells (desktop, browser mode, CLI) free of each
 * other, keep the renderer to the contract's types, keep the tools/ folder out of the app, and keep every file that tests load free of
 * `import 'electron'`.
 */
const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts)$/.test(f))
    .map((f) => path.join(dir, f));
}

interface ImportRef {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function imports(file: string): ImportRef[] {
  // Comments may mention `require('electron')` to explain why it is avoided; only code counts.
  const text = fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const refs: ImportRef[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) refs.push({ file, spec: m[3] ?? '', typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g))
    refs.push({ file, spec: m[1] ?? '', typeOnly: false });
  return refs;
}

function resolved(ref: ImportRef): string {
  return ref.spec.startsWith('.') ? path.normalize(path.join(path.dirname(ref.file), ref.spec)) : ref.spec;
}

const ELECTRON_ENTRIES = new Set(['src-main/electron/main.ts', 'src-main/electron/preload.ts']);

describe('layering rules', () => {
  it('only the two Electron entry files import electron', () => {
    const offenders = [
      ...sourceFiles('src-main'),
      ...sourceFiles('src-renderer'),
      ...sourceFiles('tools'),
      ...sourceFiles('tests'),
    ]
      .flatMap(imports)
      .filter((r) => r.spec === 'electron' && !r.typeOnly && !ELECTRON_ENTRIES.has(r.file))
      .map((r) => r.file);
    expect(offenders).toEqual([]);
  });

  it('core imports nothing from the shells or the API', () => {
    const offenders = sourceFiles('src-main/core')
      .flatMap(imports)
      .filter((r) => /^src-main\/(api|electron|server|cli)\b/.test(resolved(r)) || r.spec === 'electron')
      .map((r) => `${r.file} → ${r.spec}`);
    expect(offenders).toEqual([]);
  });

  it('the app never imports the tools (generators, the demo programme, template designs)', () => {
    const offenders = [...sourceFiles('src-main'), ...sourceFiles('src-renderer')]
      .flatMap(imports)
      .filter((r) => /^tools(\/|$)/.test(resolved(r)))
      .map((r) => `${r.file} → ${r.spec}`);
    expect(offenders).toEqual([]);
  });

  it('the API layer does not depend on a particular shell', () => {
    const offenders = sourceFiles('src-main/api')
      .flatMap(imports)
      .filter((r) => /^src-main\/(electron|server|cli)\b/.test(resolved(r)))
      .map((r) => `${r.file} → ${r.spec}`);
    expect(offenders).toEqual([]);
  });

  it('no shell imports another: what two shells share lives in core or the API', () => {
    const shells = ['electron', 'server', 'cli'];
    const offenders = shells.flatMap((shell) =>
      sourceFiles(`src-main/${shell}`)
        .flatMap(imports)
        .filter((r) => shells.some((other) => other !== shell && resolved(r).startsWith(`src-main/${other}/`)))
        .map((r) => `${r.file} → ${r.spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer imports only types, and only from the API contract', () => {
    const offenders = sourceFiles('src-renderer')
      .flatMap(imports)
      .filter(
        (r) => resolved(r).startsWith('src-main') && (!r.typeOnly || !resolved(r).startsWith('src-main/api/contract')),
      )
      .map((r) => `${r.file} → ${r.spec}`);
    expect(offenders).toEqual([]);
  });

  it('src-shared is pure TypeScript both sides can load: no packages, no Node, no DOM, nothing outside it', () => {
    const files = sourceFiles('src-shared');
    expect(files.length).toBeGreaterThan(0);
    const offenders = files
      .flatMap(imports)
      .filter((r) => !r.spec.startsWith('.') || !resolved(r).startsWith('src-shared/'))
      .map((r) => `${r.file} → ${r.spec}`);
    const globals = /\b(process|Buffer|require|window|document|navigator|localStorage|__dirname)\b\s*[.(]/;
    for (const file of files) {
      const code = fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      if (globals.test(code)) offenders.push(`${file} uses a Node or DOM global`);
    }
    expect(offenders).toEqual([]);
  });

  it('core, api and the renderer reach src-shared, so a value both sides need is written once', () => {
    const reaches = (dir: string) =>
      sourceFiles(dir)
        .flatMap(imports)
        .some((r) => resolved(r).startsWith('src-shared/'));
    expect(['src-main/core', 'src-renderer'].filter((d) => !reaches(d))).toEqual([]);
  });

  it('the contract and what it reaches stay free of Node, so the renderer can share its types', () => {
    const seen = new Set<string>();
    const queue = sourceFiles('src-main/api/contract');
    const offenders: string[] = [];
    while (queue.length) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const r of imports(file)) {
        if (r.spec.startsWith('.')) {
          const target = `${resolved(r)}.ts`;
          if (fs.existsSync(path.join(ROOT, target))) queue.push(target);
        } else if (r.spec !== 'zod' && !r.typeOnly) offenders.push(`${file} → ${r.spec}`);
        else if (r.spec.startsWith('node:') || r.spec === 'better-sqlite3') offenders.push(`${file} → ${r.spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** Where a test's first folder says its code lives; architecture and migrations are about the whole. */
const MIRRORS: Record<string, string | null> = {
  core: 'src-main/core',
  api: 'src-main/api',
  cli: 'src-main/cli',
  server: 'src-main/server',
  electron: 'src-main/electron',
  renderer: 'src-renderer/src',
  shared: 'src-shared',
  tools: 'tools',
  bench: 'bench',
  architecture: null,
  migrations: null,
};
const TEST_KINDS = ['tests/unit', 'tests/integration'];

describe('where tests live (docs/contributing.md)', () => {
  it('each test sits in the folder that mirrors the code it tests', () => {
    const offenders = TEST_KINDS.flatMap((kind) =>
      sourceFiles(kind).filter((file) => {
        const [area, ...rest] = path.relative(kind, path.dirname(file)).split(path.sep);
        const mirror = area ? MIRRORS[area] : undefined;
        if (mirror === undefined) return true;
        return mirror !== null && !fs.existsSync(path.join(ROOT, mirror, ...rest));
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('a unit test opens no database, not even through a helper', () => {
    const opensDatabase = (r: ImportRef) =>
      !r.typeOnly &&
      (r.spec === 'better-sqlite3' ||
        ['src-main/core/db/open', 'tests/helpers/temp-db', 'tests/helpers/live-app'].includes(resolved(r)));
    const offenders: string[] = [];
    for (const test of sourceFiles('tests/unit')) {
      const seen = new Set<string>();
      const queue = [test];
      while (queue.length) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const r of imports(file)) {
          if (opensDatabase(r)) offenders.push(`${test} (${file} → ${r.spec})`);
          const target = ['.ts', '.tsx'].map((ext) => `${resolved(r)}${ext}`).find((f) => f.startsWith('tests/'));
          if (r.spec.startsWith('.') && !r.typeOnly && target && fs.existsSync(path.join(ROOT, target)))
            queue.push(target);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('each migration has one test file of its own', () => {
    const expected = migrations.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.test.ts`);
    const present = sourceFiles('tests/integration/migrations')
      .map((f) => path.basename(f))
      .filter((f) => /^\d{4}-/.test(f));
    expect(present.sort()).toEqual(expected.sort());
  });
});

describe('the content security policy', () => {
  it('is the same in the renderer page as in the headers the shells send', () => {
    const html = fs.readFileSync(path.join(ROOT, 'src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });
});
