import { z } from 'zod';
import {
  addLetterKindSchema,
  type LetterKind,
  letterKindIdSchema,
  listLetterKindsSchema,
  renameLetterKindSchema,
  replaceLetterTemplateSchema,
  type SubjectFields,
} from '../../core/documents/letter-kind-schema';
import { method, NO_ACCESS_LOG } from './define';

/** A consultant's own letter kinds: a name, what it is about and a .docx template kept by content. */
export const letterKindsContract = {
  /** The kinds in the letter menus, by name (with `includeRemoved`, the retired ones too). */
  'letterKinds.list': method(listLetterKindsSchema).returns<LetterKind[]>(NO_ACCESS_LOG),
  /** Each subject's placeholders with their Danish names and example values. */
  'letterKinds.fields': method(z.object({})).returns<SubjectFields[]>(NO_ACCESS_LOG),
  /** Adds a kind from a .docx (path or upload), refused naming the file or each unknown field. */
  'letterKinds.add': method(addLetterKindSchema).returns<LetterKind>(NO_ACCESS_LOG),
  'letterKinds.rename': method(renameLetterKindSchema).returns<LetterKind>(NO_ACCESS_LOG),
  'letterKinds.replaceTemplate': method(replaceLetterTemplateSchema).returns<LetterKind>(NO_ACCESS_LOG),
  /** Deletes a kind no letter was made of; retires one with letters (they keep its name). */
  'letterKinds.remove': method(letterKindIdSchema).returns<{ removed: 'deleted' | 'retired' }>(NO_ACCESS_LOG),
} as const;

export type { LetterKind, SubjectFields } from '../../core/documents/letter-kind-schema';
