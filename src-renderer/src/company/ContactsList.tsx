import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { Contact } from '../api/types';
import { caseloadStore } from '../caseload/caseload-store';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { ContactDialog } from './ContactDialog';

interface Props {
  companyId: number;
  /** A contact change may change the company's owner shown elsewhere. */
  onChanged(): void;
}

export function ContactsList({ companyId, onChanged }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);

  const load = useCallback(
    () => api.call('contacts.list', { companyId }).then(setContacts, reportError),
    [companyId, reportError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const afterChange = async () => {
    await load();
    onChanged();
    caseloadStore.dataChanged();
  };

  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="card-head">
        <h2 id="contacts-title">{t('contacts.title')}</h2>
        <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
          + {t('contacts.add')}
        </button>
      </div>
      {contacts === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : contacts.length === 0 ? (
        <p className="muted">{t('contacts.empty')}</p>
      ) : (
        <ul className="contact-list">
          {contacts.map((c) => (
            <li key={c.id} className="contact">
              <div className="contact-main">
                <span className="contact-name">{c.name}</span>
                {c.isOwner ? <span className="tag">{t('contacts.ownerBadge')}</span> : null}
                {c.role ? <span className="contact-role">{c.role}</span> : null}
              </div>
              <div className="contact-lines">
                {c.phone ? <span>{c.phone}</span> : null}
                {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
              </div>
              <div className="contact-actions">
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-label={`${t('common.edit')} ${c.name}`}
                  onClick={() => setEditing(c)}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-label={`${t('common.delete')} ${c.name}`}
                  onClick={() => setDeleting(c)}
                >
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <ContactDialog
          companyId={companyId}
          contact={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            notify('success', t('contacts.saved'));
            await afterChange();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          text={t('contacts.deleteConfirm', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await api.call('contacts.delete', { id: deleting.id });
              notify('success', t('contacts.deleted', { name: deleting.name }));
              await afterChange();
            } catch (err) {
              reportError(err);
            }
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}
