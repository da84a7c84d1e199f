import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { removeStaleTemps, STALE_TEMP_MS } from '../../src-main/core/documents/write-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-temps-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('clears the hidden half-letters a crashed batch left, and nothing else', () => {
  const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
  const make = (name: string, when?: Date) => {
    fs.writeFileSync(path.join(dir, name), 'x');
    if (when) fs.utimesSync(path.join(dir, name), when, when);
  };
  make('.0123456789ab.docx.tmp', old); // from a batch killed an hour ago
  make('.abcdefabcdef.docx.tmp'); // a batch writing right now
  make('Henvisning Bøgely ApS.docx', old); // a real letter
  make('.notes.docx.tmp', old); // not a name Bindeled uses

  expect(removeStaleTemps(dir)).toBe(1);
  expect(fs.readdirSync(dir).sort()).toEqual(
    ['.abcdefabcdef.docx.tmp', '.notes.docx.tmp', 'Henvisning Bøgely ApS.docx'].sort(),
  );
});
