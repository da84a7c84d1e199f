import { describe, expect, it } from 'vitest';
import { nextSelection } from '../../../../src-renderer/src/documents/use-row-selection';

// Rows 0..9 with ids 100..109; row 5 is not loaded yet (a placeholder while scrolling).
const rows = { row: (i: number) => (i >= 0 && i < 10 && i !== 5 ? { id: 100 + i } : undefined) };
const none = { shiftKey: false, ctrlKey: false, metaKey: false };
const ctrl = { ...none, ctrlKey: true };
const shift = { ...none, shiftKey: true };

describe('selecting caseload rows for batch letters', () => {
  it('Ctrl-click toggles single rows and a plain click clears them', () => {
    let s = nextSelection(new Set(), rows, null, 1, ctrl);
    s = nextSelection(s.selected, rows, s.anchor, 3, ctrl);
    expect([...s.selected]).toEqual([101, 103]);
    s = nextSelection(s.selected, rows, s.anchor, 1, ctrl);
    expect([...s.selected]).toEqual([103]);
    s = nextSelection(s.selected, rows, s.anchor, 7, none);
    expect(s.selected.size).toBe(0);
  });

  it('Shift-click adds the range from the last clicked row, either direction, skipping unloaded rows', () => {
    let s = nextSelection(new Set(), rows, null, 7, none);
    s = nextSelection(s.selected, rows, s.anchor, 3, shift);
    expect([...s.selected].sort()).toEqual([103, 104, 106, 107]);
    s = nextSelection(s.selected, rows, s.anchor, 9, shift);
    expect([...s.selected].sort()).toEqual([103, 104, 106, 107, 108, 109]);
  });

  it('a click on a row that is not loaded changes nothing', () => {
    const old = new Set([101]);
    expect(nextSelection(old, rows, 1, 5, ctrl)).toEqual({ selected: old, anchor: 1 });
  });
});
