import type { TemplateSource } from '../../core/documents/letter-kind-schema';
import {
  addLetterKind,
  listLetterKinds,
  removeLetterKind,
  renameLetterKind,
  replaceLetterTemplate,
  subjectFields,
} from '../../core/documents/letter-kinds';
import { chosenPaths } from '../chosen-paths';
import type { CallContext } from '../context';
import type { letterKindsContract } from '../contract/letter-kinds';
import type { AreaHandlers } from './types';

/** A template named by path must be a file the user chose; an upload brings its bytes. */
const readable = (ctx: CallContext, t: TemplateSource): TemplateSource =>
  'path' in t ? { path: chosenPaths.fileToRead(ctx, t.path) } : t;

export const letterKindsHandlers: AreaHandlers<typeof letterKindsContract> = {
  'letterKinds.list': ({ includeRemoved }, { db }) => listLetterKinds(db, { includeRemoved }),
  'letterKinds.fields': () => subjectFields(),
  'letterKinds.add': ({ name, subject, template }, ctx) =>
    addLetterKind(ctx.db, { name, subject, template: readable(ctx, template) }),
  'letterKinds.rename': ({ id, name }, { db }) => renameLetterKind(db, id, name),
  'letterKinds.replaceTemplate': ({ id, template }, ctx) => replaceLetterTemplate(ctx.db, id, readable(ctx, template)),
  'letterKinds.remove': ({ id }, { db }) => removeLetterKind(db, id),
};
