import type { TextareaHTMLAttributes } from 'react';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
}

/** A multi-line field laid out like Field.tsx's inputs, across the whole form width. */
export function TextAreaField({ id, label, error, ...area }: TextAreaProps) {
  return (
    <div className={`field field-wide${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <textarea
          id={id}
          className="input textarea"
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...area}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
