import { useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import { TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { refreshTags, useTags } from '../lib/use-reference';
import { TagSuggestions } from './TagSuggestions';
import './tags.css';

interface Props {
  companyId: number;
  /** The firm's tags as the API gives them, joined with "; ". */
  tags: string | null;
  onChanged(): void;
}

export const splitTags = (text: string | null): string[] => (text ? text.split('; ') : []);

/** The firm's tags on Overblik: each one removable, a new one typed (with the known ones offered). */
export function TagEditor({ companyId, tags, onChanged }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const known = useTags(reportError);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const current = splitTags(tags);

  const save = async (next: string[]) => {
    try {
      await api.call('companies.setTags', { companyId, tags: next });
      setError(undefined);
      notify('success', t('tags.saved'));
      await refreshTags();
      onChanged();
      return true;
    } catch (err) {
      // A refused name (too long, empty) belongs beside the field; anything else is a toast.
      if (err instanceof ApiCallError && err.code === 'invalid_input') setError(err.message);
      else reportError(err);
      return false;
    }
  };
  const add = async () => {
    if (!typed.trim()) return;
    if (await save([...current, typed])) setTyped('');
  };

  return (
    <section className="card" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('tags.title')}</h2>
      {current.length ? (
        <ul className="tag-list" aria-label={t('tags.title')}>
          {current.map((name) => (
            <li key={name} className="firm-tag">
              <span>{name}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('tags.remove', { name })}
                onClick={() => void save(current.filter((n) => n !== name))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('tags.none')}</p>
      )}
      <form
        className="tag-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField
          id={`tag-add-${companyId}`}
          label={t('tags.inputLabel')}
          hint={t('tags.inputHint')}
          error={error}
          list="tag-suggestions"
          maxLength={60}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="btn" disabled={!typed.trim()}>
          {t('tags.addButton')}
        </button>
        <TagSuggestions id="tag-suggestions" tags={known.filter((k) => !current.includes(k.name))} />
      </form>
    </section>
  );
}
