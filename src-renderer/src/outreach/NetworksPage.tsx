import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { RouteProps } from '../app/routes';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { NetworkDetail } from './NetworkDetail';
import type { NetworkSummary } from './types';
import { todayText } from './use-outreach-data';
import './outreach.css';

/** `#/networks`: the business networks the programme founded or facilitates. */
export function NetworksPage(_: RouteProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [list, setList] = useState<NetworkSummary[] | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => api.call('networks.list', {}).then(setList, reportError), [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page outreach" aria-labelledby="networks-title">
      <div className="page-head">
        <h1 id="networks-title">{t('net.title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          + {t('net.new')}
        </button>
      </div>
      {list === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('net.empty')}</p>
      ) : (
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">{t('net.name')}</th>
              <th scope="col">{t('net.theme')}</th>
              <th scope="col">{t('net.founded')}</th>
              <th scope="col">{t('net.facilitator')}</th>
              <th scope="col">{t('net.members')}</th>
              <th scope="col">{t('net.meetings')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((n) => (
              <tr key={n.id}>
                <td>
                  <button type="button" className="btn-link" onClick={() => setOpenId(n.id)}>
                    {n.name}
                  </button>
                </td>
                <td>{n.theme}</td>
                <td>{formatDate(n.foundedOn)}</td>
                <td>{n.facilitator}</td>
                <td className="numeric">{n.memberCount}</td>
                <td className="numeric">{n.meetingCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openId !== null ? <NetworkDetail id={openId} onClose={() => setOpenId(null)} onChanged={load} /> : null}
      {creating ? (
        <NetworkForm
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            notify('success', t('net.saved'));
            void load();
            setOpenId(id);
          }}
        />
      ) : null}
    </section>
  );
}

function NetworkForm({ onClose, onSaved }: { onClose(): void; onSaved(id: number): void }) {
  const t = useT();
  const { reportError } = useToasts();
  const [name, setName] = useState('');
  const [theme, setTheme] = useState('');
  const [foundedOn, setFoundedOn] = useState(todayText());
  const [facilitator, setFacilitator] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    if (!name.trim()) return setError(t('out.required'));
    try {
      const n = await api.call('networks.create', { name, theme, foundedOn, facilitator });
      onSaved(n.id);
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <Dialog
      title={t('net.new')}
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('common.save')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <TextField
          id="net-name"
          label={t('net.name')}
          value={name}
          error={error}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField id="net-theme" label={t('net.theme')} value={theme} onChange={(e) => setTheme(e.target.value)} />
        <TextField
          id="net-founded"
          label={t('net.founded')}
          placeholder={t('out.datePlaceholder')}
          value={foundedOn}
          onChange={(e) => setFoundedOn(e.target.value)}
        />
        <TextField
          id="net-facilitator"
          label={t('net.facilitator')}
          value={facilitator}
          onChange={(e) => setFacilitator(e.target.value)}
        />
      </div>
    </Dialog>
  );
}
