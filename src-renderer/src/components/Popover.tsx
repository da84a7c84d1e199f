import { ChevronDown } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface Props {
  label: string;
  /** Shown after the label on the button, e.g. "Alle" or "2 valgt". */
  summary?: string;
  active?: boolean;
  className?: string;
  align?: 'start' | 'end';
  /** Called as the panel opens, e.g. to fetch a list that may have grown. */
  onOpen?(): void;
  children: ReactNode;
}

/** A button that opens a small panel below it; Escape or a click elsewhere closes it. */
export function Popover({ label, summary, active, className, align = 'start', onOpen, children }: Props) {
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Only the panel this focus is in closes; a dialog behind it stays open.
      const inside = wrapRef.current?.contains(document.activeElement);
      setOpen(false);
      if (inside) buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={wrapRef} className={`popover${className ? ` ${className}` : ''}`}>
      <button
        ref={buttonRef}
        type="button"
        className={`btn btn-filter${active ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        <span className="btn-filter-label">{label}</span>
        {summary ? <span className="btn-filter-summary">{summary}</span> : null}
        <ChevronDown className="chevron" size={14} aria-hidden="true" />
      </button>
      {open ? (
        <fieldset id={panelId} className={`popover-panel align-${align}`} aria-label={label}>
          {children}
        </fieldset>
      ) : null}
    </div>
  );
}
