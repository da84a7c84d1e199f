import type { z } from 'zod';
import { attachmentsContract } from './attachments';
import { bulkContract } from './bulk';
import { calendarContract } from './calendar';
import { companiesContract } from './companies';
import { type AnySpec, type MethodSpec, mergeAreas } from './define';
import { deminimisContract } from './deminimis';
import { documentsContract } from './documents';
import { duplicatesContract } from './duplicates';
import { filesContract } from './files';
import { interopContract } from './interop';
import { letterKindsContract } from './letter-kinds';
import { outreachContract } from './outreach';
import { pipelinesContract } from './pipelines';
import { reportContract } from './report';
import { safetyContract } from './safety';
import { tagsContract } from './tags';
import { updatesContract } from './updates';
import { visitsContract } from './visits';
import { weekContract } from './week';
import { jobsContract, workspaceContract } from './workspace';

/**
 * The one list of operations that crosses the process boundary. Add an area by writing its map
 * beside the others and naming it here; a duplicate name fails at start-up and in the tests.
 */
export const contract = mergeAreas(
  companiesContract,
  duplicatesContract,
  workspaceContract,
  jobsContract,
  filesContract,
  visitsContract,
  safetyContract,
  outreachContract,
  documentsContract,
  interopContract,
  reportContract,
  attachmentsContract,
  tagsContract,
  calendarContract,
  pipelinesContract,
  bulkContract,
  weekContract,
  deminimisContract,
  updatesContract,
  letterKindsContract,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<AnySpec['input'], infer O> ? O : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type { BackupInfo, BackupList, BackupReason, RestoreResult } from '../../core/backup/backup-types';
export type {
  AccessAction,
  AccessLogEntry,
  AccessLogPage,
  AccessRequestResult,
  AnonymiseResult,
  HardDeleteResult,
  PrivacySettings,
  RetentionCandidate,
  RetentionPage,
} from '../../core/privacy/privacy-types';
export type * from './attachments';
export type { BindeledBridge } from './bridge';
export { IPC_EVENT, IPC_INVOKE } from './bridge';
export type * from './bulk';
export type * from './calendar';
export type { ApiError, ApiResult, JobProgress } from './define';
export type * from './deminimis';
export type * from './documents';
export type * from './duplicates';
export type * from './interop';
export type * from './letter-kinds';
export type * from './outreach';
export type * from './pipelines';
export type * from './report';
export type * from './tags';
export type * from './types';
export type * from './updates';
export type * from './visits';
export type * from './week';
export type { AppInfo, SettingNotice, Settings } from './workspace';
