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

/** What the control inside a field gets: the caller's own props, tied to the frame's message. */
type ControlProps<P> = Omit<P, keyof FieldProps> & {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/** A field: its frame (label, message, layout) around the control `control` draws. */
function framed<P extends FieldProps>(
  { id, label, error, hint, wide, double, action, ...rest }: P,
  control: (props: ControlProps<P>) => ReactNode,
) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} wide={wide} double={double} action={action}>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, error, hint),
        ...rest,
      })}
    </FieldFrame>
  );
}

export function TextField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return framed(props, (control) => <input className="input" {...control} />);
}

export function SelectField(props: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return framed(props, (control) => <select className="input" {...control} />);
}

/** A multi-line field laid out like the inputs above, across the whole form width. */
export function TextAreaField(
  props: Pick<FieldProps, 'id' | 'label' | 'error'> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>,
) {
  return framed({ ...props, wide: true }, (control) => <textarea className="input textarea" rows={3} {...control} />);
}
