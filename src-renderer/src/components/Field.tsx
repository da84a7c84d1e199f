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

/**
 * A field's props split in two: what its frame shows (label, message, layout) and what goes on the
 * control itself, tied to the frame's message by `aria-describedby`.
 */
function splitField<P extends FieldProps>({ id, label, error, hint, wide, double, action, ...control }: P) {
  return {
    frame: { id, label, error, hint, wide, double, action },
    control: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, error, hint),
      ...control,
    },
  };
}

export function TextField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const { frame, control } = splitField(props);
  return (
    <FieldFrame {...frame}>
      <input className="input" {...control} />
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  const { frame, control } = splitField(props);
  return (
    <FieldFrame {...frame}>
      <select className="input" {...control} />
    </FieldFrame>
  );
}

/** A multi-line field laid out like the inputs above, across the whole form width. */
export function TextAreaField(
  props: Pick<FieldProps, 'id' | 'label' | 'error'> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>,
) {
  const { frame, control } = splitField(props);
  return (
    <FieldFrame {...frame} wide>
      <textarea className="input textarea" rows={3} {...control} />
    </FieldFrame>
  );
}
