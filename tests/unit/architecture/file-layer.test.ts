import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every rename, removal, copy and open-for-write goes through core/files/file-ops.ts, the one place
 * that rides out Windows holding a file for a moment; a direct call elsewhere would fail on an
 * office laptop where the tests here pass.
 */
const ROOT = path.resolve(__dirname, '../../..');
const LAYER = path.join('src-main', 'core', 'files', 'file-ops.ts');
const DIRECT =
  /\bfs\.(?:renameSync|rmSync|unlinkSync|copyFileSync|writeFileSync|appendFileSync|createWriteStream|cpSync)\b|\bfs\.promises\.(?:rename|rm|unlink|copyFile|writeFile)\b|\bfs\.openSync\([^)]*['"](?:w|wx|a|r\+)['"]/;

describe('file operations', () => {
  it('go through the one file layer', () => {
    const offenders: string[] = [];
    for (const f of fs.readdirSync(path.join(ROOT, 'src-main'), { recursive: true, encoding: 'utf8' })) {
      const file = path.join('src-main', f);
      if (!/\.tsx?$/.test(f) || file === LAYER) continue;
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const [i, line] of text.split('\n').entries())
        if (DIRECT.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
    }
    expect(offenders).toEqual([]);
  });
});
