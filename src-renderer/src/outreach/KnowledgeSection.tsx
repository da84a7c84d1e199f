import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { TextAreaField } from './fields';
import { KNOWLEDGE_TYPE_KEYS } from './labels';
import type { KnowledgeContact, KnowledgeType } from './types';
import { todayText, useOrganisations } from './use-outreach-data';

export function KnowledgeSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [list, setList] = useState<KnowledgeContact[] | null>(null);
  const [editing, setEditing] = useState<KnowledgeContact | 'new' | null>(null);

  const load = useCallback(
    () => api.call('knowledge.list', { companyId }).then(setList, reportError),
    [companyId, reportError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="knowledge-title">
      <div className="card-head">
        <h2 id="knowledge-title">{t('out.knowledge.title')}</h2>
        <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
          + {t('out.knowledge.new')}
        </button>
      </div>
      {list === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('out.knowledge.empty')}</p>
      ) : (
        <ul className="record-list" aria-label={t('out.knowledge.title')}>
          {list.map((k) => (
            <li key={k.id} className="record">
              <div className="record-main">
                <span className="record-title">{[k.organisationName, k.personName].filter(Boolean).join(', ')}</span>
                <span className="tag">{t(KNOWLEDGE_TYPE_KEYS[k.type])}</span>
                <span className="muted">{formatDate(k.contactOn)}</span>
              </div>
              {k.topic ? <p className="record-text">{k.topic}</p> : null}
              {k.outcome ? <p className="record-outcome">{k.outcome}</p> : null}
              <div className="record-actions">
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(k)}>
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => api.call('knowledge.delete', { id: k.id }).then(load, reportError)}
                >
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <KnowledgeDialog
          companyId={companyId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('success', t('out.knowledge.saved'));
            void load();
          }}
        />
      ) : null}
    </section>
  );
}

interface DialogProps {
  companyId: number;
  contact: KnowledgeContact | null;
  onClose(): void;
  onSaved(): void;
}

function KnowledgeDialog({ companyId, contact, onClose, onSaved }: DialogProps) {
  const t = useT();
  const { reportError } = useToasts();
  const organisations = useOrganisations(reportError);
  const [organisationId, setOrganisationId] = useState(contact?.organisationId ? String(contact.organisationId) : '');
  const [personName, setPersonName] = useState(contact?.personName ?? '');
  const [type, setType] = useState<KnowledgeType>(contact?.type ?? 'institution');
  const [date, setDate] = useState(contact ? formatDate(contact.contactOn) : todayText());
  const [topic, setTopic] = useState(contact?.topic ?? '');
  const [outcome, setOutcome] = useState(contact?.outcome ?? '');
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    if (!organisationId && !personName.trim()) return setError(t('out.knowledge.whoRequired'));
    const fields = {
      organisationId: organisationId ? Number(organisationId) : null,
      personName,
      type,
      contactOn: date,
      topic,
      outcome,
    };
    try {
      if (contact) await api.call('knowledge.update', { id: contact.id, changes: fields });
      else await api.call('knowledge.create', { companyId, ...fields });
      onSaved();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <Dialog
      title={contact ? t('out.knowledge.editTitle') : t('out.knowledge.newTitle')}
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
        <SelectField
          id="kn-org"
          label={t('out.knowledge.institution')}
          value={organisationId}
          error={error}
          onChange={(e) => setOrganisationId(e.target.value)}
        >
          <option value="">{t('out.none')}</option>
          {organisations
            .filter((o) => o.type === 'knowledge_institution' || o.type === 'mentor' || String(o.id) === organisationId)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </SelectField>
        <TextField
          id="kn-person"
          label={t('out.knowledge.person')}
          value={personName}
          onChange={(e) => setPersonName(e.target.value)}
        />
        <SelectField
          id="kn-type"
          label={t('out.knowledge.type')}
          value={type}
          onChange={(e) => setType(e.target.value as KnowledgeType)}
        >
          {Object.entries(KNOWLEDGE_TYPE_KEYS).map(([k, key]) => (
            <option key={k} value={k}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="kn-date"
          label={t('out.knowledge.date')}
          placeholder={t('out.datePlaceholder')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextAreaField
          id="kn-topic"
          label={t('out.knowledge.topic')}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
        <TextAreaField
          id="kn-outcome"
          label={t('out.knowledge.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        />
      </div>
    </Dialog>
  );
}
