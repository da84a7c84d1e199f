import { useEffect, useRef, useState } from 'react';
import { useOpenForm } from '../lib/open-forms';

/**
 * Asks before a dirty form is left: a page unload gets the browser's own question
 * (`beforeunload`); a click on an in-app link is held until the consultant confirms; the back
 * button, which cannot be held, is undone unless they confirm.
 */
export function useLeaveGuard(dirty: boolean, question: string) {
  const [pending, setPending] = useState<string | null>(null);
  useOpenForm(dirty);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  // Set while a confirmed departure is under way, so the guard lets it through.
  const leaving = useRef(false);

  useEffect(() => {
    const here = window.location.hash;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current || leaving.current) return;
      e.preventDefault();
      // Older Chromium builds still read returnValue.
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (!dirtyRef.current || leaving.current || e.defaultPrevented || e.button !== 0) return;
      const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
      const href = link?.getAttribute('href');
      if (!href || href === here) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(href);
    };
    const onPopState = () => {
      if (!dirtyRef.current || leaving.current || window.location.hash === here) return;
      if (window.confirm(question)) {
        leaving.current = true;
        return;
      }
      window.history.pushState(window.history.state, '', here);
      // The router listens to hashchange; pushState sends none, so tell it.
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPopState);
    };
  }, [question]);

  /** Leaves without asking (after a save, or once the consultant said yes). */
  const leave = (hash: string) => {
    leaving.current = true;
    setPending(null);
    window.location.hash = hash;
  };

  return { pending, cancel: () => setPending(null), leave };
}
