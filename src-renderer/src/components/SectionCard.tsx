import { Plus } from 'lucide-react';
import type { ReactNode } from 'react';

interface SectionCardProps {
  /** The heading's id: the section is a region named by its heading. */
  titleId: string;
  title: string;
  /** Beside the heading, e.g. an AddButton or a link to where the records are managed. */
  action?: ReactNode;
  children: ReactNode;
}

/** A card on the company page: a heading with an action, then the card's content. */
export function SectionCard({ titleId, title, action, children }: SectionCardProps) {
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

interface AddButtonProps {
  label: string;
  onClick(): void;
  /** A page's main action; a card's is small. */
  primary?: boolean;
}

/** "Ny …" with a plus: opens the dialog for a new record. */
export function AddButton({ label, onClick, primary = false }: AddButtonProps) {
  return (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn btn-small'} onClick={onClick}>
      <Plus size={14} aria-hidden="true" />
      {label}
    </button>
  );
}
