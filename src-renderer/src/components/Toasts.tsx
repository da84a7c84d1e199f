import { X } from 'lucide-react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiCallError } from '../api/client';
import { useT } from '../i18n/I18nProvider';

type ToastKind = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

interface ToastApi {
  notify(kind: ToastKind, text: string): void;
  /** Shows an error's message: the core's localised text for API errors, a generic text otherwise. */
  reportError(err: unknown): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Successes fade on their own; errors stay until the consultant has read and closed them. */
const SUCCESS_MS = 5000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);

  const notify = useCallback(
    (kind: ToastKind, text: string) => {
      const id = nextId.current++;
      setToasts((all) => [...all.filter((x) => x.text !== text), { id, kind, text }].slice(-4));
      if (kind !== 'error') window.setTimeout(() => dismiss(id), SUCCESS_MS);
    },
    [dismiss],
  );

  const reportError = useCallback(
    (err: unknown) => {
      console.error(err);
      notify('error', err instanceof ApiCallError ? err.message : t('error.body'));
    },
    [notify, t],
  );

  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => reportError(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [reportError]);

  const value = useMemo(() => ({ notify, reportError }), [notify, reportError]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span className="toast-text">{toast.text}</span>
            <button
              type="button"
              className="toast-close"
              onClick={() => dismiss(toast.id)}
              aria-label={t('error.dismiss')}
            >
              <X size={16} aria-hidden="true" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToasts outside ToastProvider');
  return value;
}

/** The core's refusal goes to `show` for the page to explain in place; any other failure to the error toast. */
export function showRefusal(err: unknown, show: (message: string) => void, reportError: (err: unknown) => void): void {
  if (err instanceof ApiCallError) show(err.message);
  else reportError(err);
}
