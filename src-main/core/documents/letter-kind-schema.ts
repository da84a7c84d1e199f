import { z } from 'zod';
import { type CustomKindRef, LETTER_SUBJECTS, type LetterSubject } from '../../../src-shared/codes/documents';
import { idField } from '../referrals/outreach-fields';
import type { PlaceholderInfo } from './document-schema';

/** A consultant's own letter kind: a name, what it is about, and its template (kept by content). */
export interface LetterKind {
  id: number;
  /** What the menus, the API and the CLI's `--kind` call it: `custom:<id>`. */
  ref: CustomKindRef;
  name: string;
  subject: LetterSubject;
  /** The file name the template was added under. */
  templateName: string;
  templateSha256: string;
  /** The placeholders the template holds. */
  fields: string[];
  /** How many letters were made of it. */
  used: number;
  /** False when its stored template has gone from the store (shown, and the kind refuses to make letters). */
  templateFound: boolean;
  createdAt: string;
  updatedAt: string;
  /** Set when it was removed from the menus but letters made of it keep its name. */
  removedAt: string | null;
}

/** The placeholders a subject may use, for the Settings page and `letter-kinds fields`. */
export interface SubjectFields {
  subject: LetterSubject;
  label: string;
  placeholders: PlaceholderInfo[];
}

const name = z.string().trim().min(1, 'letterKind.nameEmpty').max(100);
const subject = z.enum(LETTER_SUBJECTS);
/** A template from a path (desktop, CLI) or its bytes (browser mode's upload). */
const template = z.union([
  z.object({ path: z.string().trim().min(1).max(1000) }),
  z.object({ base64: z.string().min(1).max(28_000_000), fileName: z.string().trim().min(1).max(200) }),
]);
export type TemplateSource = z.infer<typeof template>;

export const addLetterKindSchema = z.object({ name, subject, template });
export const renameLetterKindSchema = z.object({ id: idField, name });
export const replaceLetterTemplateSchema = z.object({ id: idField, template });
export const letterKindIdSchema = z.object({ id: idField });
export const listLetterKindsSchema = z.object({ includeRemoved: z.boolean().optional() });
