import { z } from 'zod';
import { ANNEX_KINDS } from '../../../src-shared/codes/attachments';
import type { Attachment, AttachmentsSettings, CaseloadZipResult } from '../../core/attachments/attachment-types';
import { exportScopeSchema, type ImportResult } from '../../core/interop/interop-schema';
import { method, NO_ACCESS_LOG } from './define';

const id = z.number().int().positive();
const owner = {
  visitId: id.optional(),
  referralId: id.optional(),
  applicationId: id.optional(),
};
const annex = z.enum(ANNEX_KINDS).nullable();
const filePath = z.string().min(1).max(1000);
const name = z.string().max(255);

/**
 * Attachments (core/attachments): files kept with a firm, a visit, a referral or a LAG
 * application. Adding takes a path the user chose (a dialog, or an upload in browser mode) or, for
 * a file dropped on the desktop window, its bytes.
 */
export const attachmentsContract = {
  'attachments.list': method(z.object({ companyId: id, ...owner })).returns<Attachment[]>({
    access: 'read',
    facts: (i) => ({ companies: [i.companyId] }),
  }),
  'attachments.add': method(
    z.object({ companyId: id, ...owner, path: filePath, name: name.optional(), annex: annex.optional() }),
  ).returns<Attachment>(NO_ACCESS_LOG),
  /** A file dropped on the desktop window: its bytes, base64 (a sandboxed window has no path for it). */
  'attachments.addBytes': method(
    z.object({
      companyId: id,
      ...owner,
      name: name.min(1),
      annex: annex.optional(),
      // 2000 MB, the largest limit the setting allows, as base64; the setting's own limit is checked after.
      base64: z.string().max(2000 * 1024 * 1024 * (4 / 3) + 4),
    }),
  ).returns<Attachment>(NO_ACCESS_LOG),
  'attachments.update': method(z.object({ id, name: name.optional(), annex: annex.optional() })).returns<Attachment>(
    NO_ACCESS_LOG,
  ),
  'attachments.remove': method(z.object({ id })).returns<{ removed: true }>(NO_ACCESS_LOG),
  /** "Find it again": a file the user chose replaces the stored one that went missing. */
  'attachments.relink': method(z.object({ id, path: filePath })).returns<Attachment>(NO_ACCESS_LOG),
  /**
   * Opens a copy under the attachment's own name in its default program (desktop); browser mode
   * downloads the returned path. Opening is a read of the firm's data.
   */
  'attachments.open': method(z.object({ id })).returns<{ path: string; companyId: number; name: string }>({
    access: 'read',
    facts: (_i, o) => ({ companies: [o.companyId], note: 'attachment.logOpened' }),
  }),
  'attachments.settings': method(z.object({})).returns<AttachmentsSettings>(NO_ACCESS_LOG),
  'attachments.updateSettings': method(
    z.object({ maxMb: z.number().int().min(1).max(2000) }),
  ).returns<AttachmentsSettings>(NO_ACCESS_LOG),
  /** The caseload file and every attachment's file in one .zip (docs/caseload-file.md). */
  'interop.exportWithFiles': method(z.object({ path: filePath, scope: exportScopeSchema.default({ kind: 'all' }) }), {
    job: true,
  }).returns<CaseloadZipResult>({
    access: 'export',
    facts: (i, o) => ({ companies: i.scope.kind === 'companies' ? i.scope.ids : [], file: o.path }),
  }),
  /** Imports such a .zip: each file checked against its hash, then the caseload file, all or nothing. */
  'interop.importWithFiles': method(
    z.object({ path: filePath, onInvalid: z.enum(['abort', 'skip']).default('abort') }),
    { job: true },
  ).returns<ImportResult>(NO_ACCESS_LOG),
} as const;

export type { Attachment, AttachmentsSettings, CaseloadZipResult };
