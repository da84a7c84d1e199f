import { type MouseEvent, useCallback, useRef, useState } from 'react';

interface RowSource {
  row(index: number): { id: number } | undefined;
}

export interface ClickKeys {
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * Ctrl/Cmd-click toggles a row, Shift-click adds the range from the last clicked row (rows not
 * loaded yet are left out), a plain click clears the selection, as in a file manager. Ids, not
 * indexes, so a re-sort keeps what was chosen. Returns the new set and the new anchor.
 */
export function nextSelection(
  old: ReadonlySet<number>,
  rows: RowSource,
  anchor: number | null,
  index: number,
  keys: ClickKeys,
): { selected: ReadonlySet<number>; anchor: number | null } {
  const row = rows.row(index);
  if (!row) return { selected: old, anchor };
  if (keys.shiftKey && anchor !== null) {
    const next = new Set(old);
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    for (let i = from; i <= to; i++) {
      const r = rows.row(i);
      if (r) next.add(r.id);
    }
    return { selected: next, anchor };
  }
  if (keys.ctrlKey || keys.metaKey) {
    const next = new Set(old);
    if (next.has(row.id)) next.delete(row.id);
    else next.add(row.id);
    return { selected: next, anchor: index };
  }
  return { selected: old.size ? new Set() : old, anchor: index };
}

export function useRowSelection(rows: RowSource) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const onRowClick = useCallback(
    (index: number, e: MouseEvent) => {
      // Shift-click would otherwise also select the text of every row in between.
      if (e.shiftKey) window.getSelection()?.removeAllRanges();
      setSelected((old) => {
        const next = nextSelection(old, rows, anchor.current, index, e);
        anchor.current = next.anchor;
        return next.selected;
      });
    },
    [rows],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  return { selected, onRowClick, clear };
}
