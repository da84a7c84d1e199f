import { Upload } from 'lucide-react';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';

interface Props {
  /** What the file is for ("Fil der skal importeres"): shown, and the input's label. */
  label: string;
  accept?: string;
  disabled?: boolean;
  /** The name of the file chosen last, shown in place of "Ingen fil valgt". */
  chosen?: string | null;
  onFile(file: File): void;
}

/** An area files can be dragged onto: whether some hover over it now, and what to do with a drop. */
export function useFileDropTarget(onDrop: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        e.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setOver(false);
        onDrop([...e.dataTransfer.files]);
      },
    },
  };
}

/**
 * A file picked in the page, in Danish: the browser's own input says "Choose File / No file
 * chosen" in the browser's language and cannot be restyled, so it stays hidden behind a drop
 * area and a button that opens it.
 */
export function FileDrop({ label, accept, disabled, chosen, onFile }: Props) {
  const t = useT();
  const labelId = useId();
  const input = useRef<HTMLInputElement>(null);
  const target = useFileDropTarget((files) => {
    const file = files[0];
    if (file && !disabled) onFile(file);
  });

  return (
    <fieldset className={`file-drop${target.over ? ' file-drop-over' : ''}`} {...target.handlers}>
      <Upload className="file-drop-icon" size={20} aria-hidden="true" />
      <span id={labelId} className="file-drop-label">
        {label}
      </span>
      <span className="file-drop-hint">{t('file.drop')}</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled}
        aria-describedby={labelId}
        onClick={() => input.current?.click()}
      >
        {t('file.choose')}
      </button>
      <span className="file-drop-chosen">{chosen || t('file.none')}</span>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={accept}
        disabled={disabled}
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // The same file chosen again (after fixing it) must fire a change too.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </fieldset>
  );
}
