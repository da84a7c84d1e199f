import { type MouseEvent, useCallback, useRef, useState } from 'react';

interface RowSource {
  row(index: number): { id: number } | undefined;
}

/**
 * Ctrl/Cmd-click toggles a row, Shift-click adds the range from the last clicked row, a plain
 * click clears the selection (as in a file manager). Ids, not indexes, so a re-sort keeps it.
 */
export function useRowSelection(rows: RowSource) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const anchor = useRef<number | null>(null);

  const onRowClick = useCallback(
    (index: number, e: MouseEvent) => {
      const row = rows.row(index);
      if (!row) return;
      if (e.shiftKey && anchor.current !== null) {
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        setSelected((old) => {
          const next = new Set(old);
          for (let i = from; i <= to; i++) {
            const r = rows.row(i);
            if (r) next.add(r.id);
          }
          return next;
        });
        return;
      }
      anchor.current = index;
      if (e.ctrlKey || e.metaKey) {
        setSelected((old) => {
          const next = new Set(old);
          if (next.has(row.id)) next.delete(row.id);
          else next.add(row.id);
          return next;
        });
      } else setSelected((old) => (old.size ? new Set() : old));
    },
    [rows],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  return { selected, onRowClick, clear };
}
