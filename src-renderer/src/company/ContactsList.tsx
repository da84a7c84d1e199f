import { useCallback, useState } from 'react';
import { api } from '../api';
import type { Contact } from '../api/types';
import { caseloadStore } from '../caseload/caseload-store';
import { DeleteConfirm, EditDeleteButtons, RecordRow, RecordSection } from '../components/RecordList';
import { AddButton } from '../components/SectionCard';
import { useLoaded } from '../components/use-loaded';
import { useRecordDialog } from '../components/use-record-dialog';
import { useT } from '../i18n/I18nProvider';
import { ContactDialog } from './ContactDialog';

interface Props {
  companyId: number;
  /** A contact change may change the company's owner shown elsewhere. */
  onChanged(): void;
}

export function ContactsList({ companyId, onChanged }: Props) {
  const t = useT();
  const [contacts, load] = useLoaded(useCallback(() => api.call('contacts.list', { companyId }), [companyId]));
  const [deleting, setDeleting] = useState<Contact | null>(null);

  const afterChange = async () => {
    await load();
    onChanged();
    caseloadStore.dataChanged();
  };
  const editor = useRecordDialog<Contact | 'new'>(t('contacts.saved'), afterChange);

  return (
    <RecordSection
      titleId="contacts-title"
      title={t('contacts.title')}
      action={<AddButton label={t('contacts.add')} onClick={() => editor.open('new')} />}
      items={contacts}
      emptyText={t('contacts.empty')}
      kind="contact"
      renderRow={(c) => (
        <RecordRow
          key={c.id}
          kind="contact"
          main={
            <>
              <span className="contact-name">{c.name}</span>
              {c.isOwner ? <span className="tag">{t('contacts.ownerBadge')}</span> : null}
              {c.role ? <span className="contact-role">{c.role}</span> : null}
            </>
          }
          actions={
            // Named with the person: otherwise every row's buttons would read just "Rediger" and "Slet".
            <EditDeleteButtons name={c.name} onEdit={() => editor.open(c)} onDelete={() => setDeleting(c)} />
          }
        >
          <div className="contact-lines">
            {c.phone ? <span>{c.phone}</span> : null}
            {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
          </div>
        </RecordRow>
      )}
    >
      {editor.current ? (
        <ContactDialog
          companyId={companyId}
          contact={editor.current === 'new' ? undefined : editor.current}
          onClose={editor.close}
          onSaved={editor.saved}
        />
      ) : null}
      {deleting ? (
        <DeleteConfirm
          text={t('contacts.deleteConfirm', { name: deleting.name })}
          onClose={() => setDeleting(null)}
          onDelete={() => api.call('contacts.delete', { id: deleting.id })}
          doneText={t('contacts.deleted', { name: deleting.name })}
          onDeleted={afterChange}
          closeOnFailure
        />
      ) : null}
    </RecordSection>
  );
}
