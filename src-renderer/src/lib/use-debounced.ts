import { useEffect, useRef, useState } from 'react';

/**
 * Text typed into a search box, passed on after the consultant pauses (so each key press does not
 * start a query). The box shows what was typed at once.
 */
export function useDebouncedInput(
  value: string,
  onCommit: (v: string) => void,
  /** A fixed pause, or one that depends on what was typed (a short word may cost a longer query). */
  delay: number | ((text: string) => number) = 150,
) {
  const [text, setText] = useState(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  const lastCommitted = useRef(value);

  // A change from outside (a view was chosen, filters were reset) replaces what is in the box.
  useEffect(() => {
    if (value !== lastCommitted.current) {
      lastCommitted.current = value;
      setText(value);
    }
  }, [value]);

  const delayMs = typeof delay === 'number' ? delay : delay(text);
  useEffect(() => {
    if (text === lastCommitted.current) return;
    const timer = window.setTimeout(() => {
      lastCommitted.current = text;
      commit.current(text);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);

  return [text, setText] as const;
}
