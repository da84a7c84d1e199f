import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  wide?: boolean;
  /** Two grid columns: room for an action button beside the input. */
  double?: boolean;
  /** Extra control after the input (e.g. "Ret CVR-nummer"). */
  action?: ReactNode;
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

function FieldFrame({ id, label, error, hint, wide, double, action, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${double ? ' field-double' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        {children}
        {action}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  error,
  hint,
  wide,
  double,
  action,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} wide={wide} double={double} action={action}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  wide,
  children,
  ...select
}: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} wide={wide}>
      <select
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A multi-line field laid out like the inputs above, across the whole form width. */
export function TextAreaField({
  id,
  label,
  error,
  ...area
}: Pick<FieldProps, 'id' | 'label' | 'error'> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} error={error} wide>
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        {...area}
      />
    </FieldFrame>
  );
}
