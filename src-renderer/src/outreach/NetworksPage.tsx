import { useCallback, useState } from 'react';
import { api } from '../api';
import type { RouteProps } from '../app/routes';
import { TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { DateField } from '../components/form-fields';
import { LoadedList } from '../components/RecordList';
import { AddButton } from '../components/SectionCard';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { NetworkDetail } from './NetworkDetail';
import { todayText } from './use-outreach-data';
import './outreach.css';

const COLUMNS = ['name', 'theme', 'founded', 'facilitator', 'members', 'meetings'] as const;

/** `#/networks`: the business networks the programme founded or facilitates. */
export function NetworksPage(_: RouteProps) {
  const t = useT();
  const { notify } = useToasts();
  const [list, load] = useLoaded(useCallback(() => api.call('networks.list', {}), []));
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <section className="page outreach" aria-labelledby="networks-title">
      <div className="page-head">
        <h1 id="networks-title">{t('network.title')}</h1>
        <AddButton label={t('network.new')} primary onClick={() => setCreating(true)} />
      </div>
      <LoadedList items={list} emptyText={t('network.empty')}>
        {(items) => (
          <table className="doc-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {t(`network.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
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
      </LoadedList>
      {openId !== null ? <NetworkDetail id={openId} onClose={() => setOpenId(null)} onChanged={load} /> : null}
      {creating ? (
        <NetworkForm
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            notify('success', t('network.saved'));
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
  const form = useFormValues({ name: '', theme: '', foundedOn: todayText(), facilitator: '' });
  const [error, setError] = useState<string | undefined>();
  const { save } = useFormSave();
  const submit = async () => {
    if (!form.values.name.trim()) return setError(t('validation.required'));
    await save(async () => onSaved((await api.call('networks.create', form.values)).id));
  };
  return (
    <FormDialog title={t('network.new')} onClose={onClose} onSubmit={submit}>
      <div className="form-grid">
        <TextField id="net-name" label={t('network.name')} {...form.bind('name')} error={error} />
        <TextField id="net-theme" label={t('network.theme')} {...form.bind('theme')} />
        <DateField id="net-founded" label={t('network.founded')} {...form.bind('foundedOn')} />
        <TextField id="net-facilitator" label={t('network.facilitator')} {...form.bind('facilitator')} />
      </div>
    </FormDialog>
  );
}
