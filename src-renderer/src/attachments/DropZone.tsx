import { useId, useRef } from 'react';
import { api } from '../api';
import { useFileDropTarget } from '../components/FileDrop';
import { useT } from '../i18n/I18nProvider';

interface Props {
  /** Files dropped or picked in the page (browser mode; a drop on the desktop window too). */
  onFiles(files: File[]): void;
  /** The desktop window's native open dialog. */
  onChoosePath(path: string): void;
  busy?: boolean;
}

/**
 * "Træk filer hertil": a drop target that is also a button, so the keyboard and screen readers
 * reach the same action (the native dialog on the desktop, a file input in a browser).
 */
export function DropZone({ onFiles, onChoosePath, busy }: Props) {
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const target = useFileDropTarget((files) => {
    if (files.length) onFiles(files);
  });

  const choose = async () => {
    if (api.transport !== 'electron') {
      input.current?.click();
      return;
    }
    const picked = await api.call('files.chooseOpen', {
      title: t('attachments.chooseTitle'),
      filters: [{ name: t('attachments.allFiles'), extensions: ['*'] }],
    });
    if (picked) onChoosePath(picked.path);
  };

  return (
    <fieldset
      aria-label={t('attachments.dropZoneLabel')}
      className={`drop-zone${target.over ? ' drop-zone-over' : ''}`}
      {...target.handlers}
      data-testid="attachments-drop-zone"
    >
      <span>{t('attachments.dropZone')}</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        aria-label={t('attachments.dropZoneLabel')}
        onClick={() => void choose()}
      >
        {t('attachments.dropZoneBrowse')}
      </button>
      <input
        id={inputId}
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={t('attachments.dropZoneLabel')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) onFiles(files);
          e.target.value = '';
        }}
      />
    </fieldset>
  );
}
