import { useState } from 'react';
import { api } from '../api';
import type { ExportScopeInput } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { TextOptions } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { refreshTags, useTags } from '../lib/use-reference';
import { TagSuggestions } from './TagSuggestions';

interface Props {
  /** The ticked firms, or every firm the caseload's filter and search match. */
  scope: ExportScopeInput;
  count: number;
  onClose(): void;
  onDone(): void;
}

/** Adds a tag to, or takes one off, many firms in one transaction. */
export function BulkTagsDialog({ scope, count, onClose, onDone }: Props) {
  const t = useT();
  const { notify } = useToasts();
  const known = useTags();
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    try {
      const result = await api.call('tags.apply', {
        scope,
        add: add.trim() ? [add] : [],
        remove: remove ? [remove] : [],
      });
      await refreshTags();
      onDone();
      // Once the dialog has closed, so the page behind it can be used as soon as the toast is read.
      notify(
        'success',
        t('tags.bulkDone', { changed: formatCount(result.changed), count: formatCount(result.companies) }),
      );
    } catch (err) {
      setBanner(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('tags.bulkTitle', { count: formatCount(count) })}
      busy={busy}
      submitLabel={t('tags.bulkConfirm')}
      banner={banner}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <TextField
        id="bulk-tag-add"
        label={t('tags.bulkAdd')}
        hint={t('tags.inputHint')}
        list="bulk-tag-suggestions"
        maxLength={60}
        value={add}
        onChange={(e) => setAdd(e.target.value)}
      />
      <TagSuggestions id="bulk-tag-suggestions" tags={known} />
      <SelectField
        id="bulk-tag-remove"
        label={t('tags.bulkRemove')}
        value={remove}
        onChange={(e) => setRemove(e.target.value)}
      >
        <option value="">{t('tags.bulkRemoveNone')}</option>
        <TextOptions values={known.map((tag) => tag.name)} />
      </SelectField>
    </FormDialog>
  );
}
