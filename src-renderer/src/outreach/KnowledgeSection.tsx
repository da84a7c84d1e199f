import { useCallback, useState } from 'react';
import { KNOWLEDGE_TYPES } from '../../../src-shared/codes/outreach';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { KnowledgeContact, KnowledgeIntroduction, KnowledgeType } from '../api/types';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { editorDialog } from '../components/form-editor';
import { DateField } from '../components/form-fields';
import { LabelOptions, NamedOptions } from '../components/Options';
import { EditDeleteButtons, RecordRow, RecordSection } from '../components/RecordList';
import { AddButton } from '../components/SectionCard';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { useRecordDialog } from '../components/use-record-dialog';
import { GenerateDialog } from '../documents/GenerateDialog';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { todayText, useOrganisations } from './use-outreach-data';

export function KnowledgeSection({ companyId }: { companyId: number }) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [list, load] = useLoaded(useCallback(() => api.call('knowledge.list', { companyId }), [companyId]));
  const [intro, setIntro] = useState<KnowledgeIntroduction | null>(null);
  const introduce = (id: number) =>
    api.call('documents.knowledgeIntroduction', { knowledgeContactId: id }).then(setIntro, reportError);
  const editor = useRecordDialog<KnowledgeContact | 'new'>(t('knowledge.saved'), load);
  const title = t('knowledge.title');

  return (
    <RecordSection
      titleId="knowledge-title"
      title={title}
      action={<AddButton label={t('knowledge.new')} onClick={() => editor.open('new')} />}
      items={list}
      emptyText={t('knowledge.empty')}
      listLabel={title}
      renderRow={(k) => (
        <RecordRow
          key={k.id}
          main={
            <>
              <span className="record-title">{[k.organisationName, k.personName].filter(Boolean).join(', ')}</span>
              <span className="tag">{t(labelKey.knowledgeType(k.type))}</span>
              <span className="muted">{formatDate(k.contactOn)}</span>
            </>
          }
          actions={
            <>
              <button type="button" className="btn btn-small" onClick={() => void introduce(k.id)}>
                {t('doc.introduction.write')}
              </button>
              {/* Deleted at once, without asking: a knowledge contact is a short note. */}
              <EditDeleteButtons
                onEdit={() => editor.open(k)}
                onDelete={() => void api.call('knowledge.delete', { id: k.id }).then(load, reportError)}
              />
            </>
          }
        >
          {k.topic ? <p className="record-text">{k.topic}</p> : null}
          {k.outcome ? <p className="record-outcome">{k.outcome}</p> : null}
        </RecordRow>
      )}
    >
      {intro ? (
        <GenerateDialog
          companyId={intro.companyId}
          kind="brev"
          initial={intro}
          onClose={() => setIntro(null)}
          onGenerated={(doc) => {
            setIntro(null);
            notify('success', t('doc.written', { file: doc.fileName }));
          }}
        />
      ) : null}
      {editorDialog(editor, (contact) => (
        <KnowledgeDialog companyId={companyId} contact={contact} onClose={editor.close} onSaved={editor.saved} />
      ))}
    </RecordSection>
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
  const form = useFormValues({
    organisationId: contact?.organisationId ? String(contact.organisationId) : '',
    personName: contact?.personName ?? '',
    type: contact?.type ?? ('institution' as KnowledgeType),
    contactOn: contact ? formatDate(contact.contactOn) : todayText(),
    topic: contact?.topic ?? '',
    outcome: contact?.outcome ?? '',
  });
  const { organisationId, personName } = form.values;
  const [error, setError] = useState<string | undefined>();
  const { save } = useFormSave();

  const submit = async () => {
    if (!organisationId && !personName.trim()) return setError(t('knowledge.whoRequired'));
    const fields = { ...form.values, organisationId: organisationId ? Number(organisationId) : null };
    await save(async () => {
      if (contact) await api.call('knowledge.update', { id: contact.id, changes: fields });
      else await api.call('knowledge.create', { companyId, ...fields });
      onSaved();
    });
  };

  return (
    <FormDialog
      title={contact ? t('knowledge.editTitle') : t('knowledge.newTitle')}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="form-grid">
        <SelectField id="kn-org" label={t('knowledge.institution')} {...form.bind('organisationId')} error={error}>
          <option value="">{t('outreach.none')}</option>
          <NamedOptions
            items={organisations.filter(
              (o) => o.type === 'knowledge_institution' || o.type === 'mentor' || String(o.id) === organisationId,
            )}
          />
        </SelectField>
        <TextField id="kn-person" label={t('knowledge.person')} {...form.bind('personName')} />
        <SelectField id="kn-type" label={t('knowledge.type')} {...form.bind('type')}>
          <LabelOptions codes={KNOWLEDGE_TYPES} label={labelKey.knowledgeType} />
        </SelectField>
        <DateField id="kn-date" label={t('knowledge.date')} {...form.bind('contactOn')} />
        <TextAreaField id="kn-topic" label={t('knowledge.topic')} {...form.bind('topic')} />
        <TextAreaField id="kn-outcome" label={t('knowledge.outcome')} {...form.bind('outcome')} />
      </div>
    </FormDialog>
  );
}
