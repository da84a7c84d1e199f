import { type KeyboardEvent, useRef } from 'react';

export interface TabItem {
  id: string;
  label: string;
}

interface Props {
  label: string;
  idPrefix: string;
  tabs: readonly TabItem[];
  active: string;
  onChange(id: string): void;
}

/** WAI-ARIA tabs: one tab stop, arrow keys move between tabs and show them. */
export function Tabs({ label, idPrefix, tabs, active, onChange }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    // From the focused tab, not the shown one: a second key press can come before the first is shown.
    const focused = (e.target as HTMLElement).id;
    const at = tabs.findIndex((tab) => `${idPrefix}-tab-${tab.id}` === focused);
    const i = at >= 0 ? at : tabs.findIndex((tab) => tab.id === active);
    const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: number | undefined;
    if (e.key in step) next = (i + (step[e.key] ?? 0) + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    onChange(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${idPrefix}-tab-${tab.id}`)?.focus();
  };
  return (
    <div ref={listRef} className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`${idPrefix}-tab-${tab.id}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab.id === active}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
