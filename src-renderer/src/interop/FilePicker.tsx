import { useState } from 'react';
import { api } from '../api';
import { storedToken } from '../api/token';
import { FileDrop } from '../components/FileDrop';
import { useT } from '../i18n/I18nProvider';
import { uploadFile } from './wizard-model';

export interface PickedFile {
  path: string;
  /** The name the consultant knows (an upload is stored under a longer one). */
  name: string;
}

interface Props {
  disabled?: boolean;
  onPicking(name: string): void;
  onPicked(file: PickedFile): void;
  onError(err: unknown, name: string): void;
}

// A caseload with files is a .zip; a CVR extract is often saved as JSON Lines.
const EXTENSIONS = ['csv', 'txt', 'tsv', 'xlsx', 'json', 'jsonl', 'ndjson', 'zip'];

/** Electron: the native open dialog. Browser mode: a file dropped or picked in the page, uploaded first. */
export function FilePicker({ disabled, onPicking, onPicked, onError }: Props) {
  const t = useT();
  const [chosen, setChosen] = useState<string | null>(null);

  if (api.transport === 'electron') {
    const choose = async () => {
      try {
        const picked = await api.call('files.chooseOpen', {
          title: t('import.chooseTitle'),
          filters: [{ name: t('import.filterName'), extensions: EXTENSIONS }],
        });
        if (picked) onPicked({ path: picked.path, name: picked.path.split(/[\\/]/).pop() ?? picked.path });
      } catch (err) {
        onError(err, '');
      }
    };
    return (
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => void choose()}>
        {t('import.choose')}
      </button>
    );
  }

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setChosen(file.name);
    onPicking(file.name);
    try {
      const path = await uploadFile(file, storedToken(), (url, init) => window.fetch(url, init));
      onPicked({ path, name: file.name });
    } catch (err) {
      onError(err, file.name);
    }
  };

  return (
    <FileDrop
      label={t('import.chooseLabel')}
      accept={EXTENSIONS.map((e) => `.${e}`).join(',')}
      disabled={disabled}
      chosen={chosen}
      onFile={(file) => void upload(file)}
    />
  );
}
