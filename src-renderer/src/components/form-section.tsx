import type { ReactNode } from 'react';
import { submitWith } from './form-binding';

interface FormSectionProps {
  legend: string;
  /** Below the grid, across the whole section (e.g. a group of checkboxes). */
  after?: ReactNode;
  children: ReactNode;
}

/** One titled part of a long form: its fields in the form grid. */
export function FormSection({ legend, after, children }: FormSectionProps) {
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      <div className="form-grid">{children}</div>
      {after}
    </fieldset>
  );
}

interface PageFormProps {
  className: string;
  submitLabel: string;
  onSubmit(): unknown;
  children: ReactNode;
}

/** A form that sits on a page rather than in a dialog: its fields, then its submit button. */
export function PageForm({ className, submitLabel, onSubmit, children }: PageFormProps) {
  return (
    <form className={className} noValidate onSubmit={submitWith(onSubmit)}>
      {children}
      <div className="record-actions">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
