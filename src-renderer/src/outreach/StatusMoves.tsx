import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

interface Props<S extends string> {
  /** The statuses the record may move to from where it is. */
  allowed: readonly S[];
  label: (status: S) => MessageKey;
  /** The button's words for a move ("Markér som modtaget"). */
  action: (status: S) => MessageKey;
  /** Stores the new status. */
  move(status: S): Promise<unknown>;
  /** After a move has been stored, e.g. reload the list. */
  onMoved(): Promise<unknown>;
}

/** A "Markér som <status>" button for each next status of a referral or LAG application. */
export function StatusMoves<S extends string>({ allowed, label, action, move, onMoved }: Props<S>) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const moveTo = async (status: S) => {
    try {
      await move(status);
      notify('success', t('referral.moved', { status: t(label(status)) }));
      await onMoved();
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <>
      {allowed.map((s) => (
        <button key={s} type="button" className="btn btn-small" onClick={() => void moveTo(s)}>
          {t(action(s))}
        </button>
      ))}
    </>
  );
}
