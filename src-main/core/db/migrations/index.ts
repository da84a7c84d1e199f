import type { Migration } from '../migrate';
import { initial } from './0010-initial';
import { visits } from './0020-visits';
import { outreach } from './0030-outreach';
import { interop } from './0040-interop';
import { privacy } from './0050-privacy';
import { visitWords } from './0055-visit-words';
import { caseloadSpeed } from './0060-caseload-speed';
import { report } from './0070-report';
import { caseloadSortKeys } from './0080-caseload-sort-keys';
import { visitPrefix } from './0090-visit-prefix';
import { portableTriggers } from './0100-portable-triggers';
import { fileWrites } from './0110-file-writes';
import { erasureLedger } from './0120-erasure-ledger';
import { attachments } from './0160-attachments';
import { deMinimisAid } from './0180-de-minimis-aid';
import { deminimisLetters } from './0181-deminimis-letters';
import { tags } from './0190-tags';
import { freeLetters } from './0200-free-letters';
import { cvrRegister } from './0210-cvr-register';
import { letterKinds } from './0220-letter-kinds';
import { industrySystems } from './0230-industry-systems';
import { caseloadWords } from './0240-caseload-words';
import { pipelineWeekSpeed } from './0250-pipeline-week-speed';
import { caseloadWordPieces } from './0260-caseload-word-pieces';

/** Every schema step in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  initial,
  visits,
  outreach,
  interop,
  privacy,
  visitWords,
  caseloadSpeed,
  report,
  caseloadSortKeys,
  visitPrefix,
  portableTriggers,
  fileWrites,
  erasureLedger,
  attachments,
  deMinimisAid,
  deminimisLetters,
  tags,
  freeLetters,
  cvrRegister,
  letterKinds,
  industrySystems,
  caseloadWords,
  pipelineWeekSpeed,
  caseloadWordPieces,
];
