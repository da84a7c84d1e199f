import type { Database } from 'better-sqlite3';
import type { Company } from '../../companies/schema';
import type { MessageKey } from '../../messages';
import type { DocumentKind } from '../document-schema';

export interface Issue {
  key: MessageKey;
  params?: Record<string, unknown>;
}

export interface BuildRequest {
  referralId?: number;
  applicationId?: number;
  visitId?: number;
  /** The network a letter about a network is written for (its members are the firms). */
  networkId?: number;
  meetingId?: number;
  letterDate: string;
  /** What the consultant typed for a free letter ("Brev"); other kinds ignore it. */
  letter?: FreeLetterInput;
}

export interface FreeLetterInput {
  subject?: string;
  text?: string;
  /** The firm's name when left out. */
  recipientName?: string;
  /** The firm's address when left out. */
  recipientAddress?: string;
}

/** A document's data gathered and checked, ready to fill a template (or to explain why not). */
export interface Built {
  text: Record<string, string>;
  rows: Record<string, Array<Record<string, string>>>;
  missing: Issue[];
  warnings: Issue[];
  sources: { referralId: number | null; lagApplicationId: number | null; visitId: number | null };
  /** The file name before the date and extension, e.g. "Henvisning - Ådalens Gårdbutik". */
  fileStem: string;
  title: string;
}

export type KindBuilder = (db: Database, company: Company, req: BuildRequest) => Built;

export type KindBuilders = Record<DocumentKind, KindBuilder>;
