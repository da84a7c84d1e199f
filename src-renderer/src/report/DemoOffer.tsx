import { api } from '../api';
import { navigate } from '../app/navigation';
import { useBusyAction } from '../components/form-binding';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import './report.css';

/** The demo period: the first programme year, as the press release of 17.10.2011 reported it. */
export const DEMO_REPORT_PATH = '/report?from=2010-10-01&to=2011-10-17&asOf=2011-10-17';

/**
 * The first-run choice: an empty database can be filled with the demo programme. Shown only when
 * the caseload has no firms at all; the core refuses anyway if firms exist.
 */
export function DemoOffer({ onCreated }: { onCreated?: () => void }) {
  const t = useT();
  const { notify } = useToasts();
  const [busy, whileBusy] = useBusyAction();
  const create = () =>
    whileBusy(async () => {
      const result = await api.call('demo.create', {});
      notify('success', t('demo.created', { count: formatCount(result.companies) }));
      onCreated?.();
      navigate(DEMO_REPORT_PATH);
    });
  return (
    <aside className="demo-offer" aria-labelledby="demo-offer-title">
      <h2 id="demo-offer-title">{t('demo.title')}</h2>
      <p>{t('demo.body')}</p>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={create}>
        {busy ? t('demo.creating') : t('demo.create')}
      </button>
    </aside>
  );
}
