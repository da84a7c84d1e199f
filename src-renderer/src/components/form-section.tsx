import type { ReactNode } from 'react';

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

/** The submit button below a form that sits on a page rather than in a dialog. */
export function SubmitRow({ label }: { label: string }) {
  return (
    <div className="record-actions">
      <button type="submit" className="btn btn-primary">
        {label}
      </button>
    </div>
  );
}
