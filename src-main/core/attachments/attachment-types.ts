import type { AnnexKind } from '../../../src-shared/codes/attachments';
import type { ExportResult } from '../interop/interop-schema';

/** An attachment as the UI, the CLI and the LAG draft see it (pure types: the renderer imports them via the contract). */
export interface Attachment {
  id: number;
  uuid: string;
  companyId: number;
  visitId: number | null;
  referralId: number | null;
  applicationId: number | null;
  /** Which of a LAG application's usual annexes the file is; null when it is none (or not an application's). */
  annex: AnnexKind | null;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  addedBy: string;
  createdAt: string;
  /** The stored file is not on disk (removed by hand, a partial copy of the folder): "find it again". */
  missing: boolean;
  /** A program or macro file: stored, never opened by Bindeled. */
  executable: boolean;
}

/** Where an attachment hangs: on the firm alone, or on one of its visits, referrals or LAG applications. */
export interface AttachmentTarget {
  companyId: number;
  visitId?: number;
  referralId?: number;
  applicationId?: number;
}

export interface AttachmentsSettings {
  maxMb: number;
}

/** What `export --with-files` wrote (core/attachments/caseload-zip.ts). */
export interface CaseloadZipResult extends ExportResult {
  /** Distinct files (by content) written into the zip. */
  files: number;
}
