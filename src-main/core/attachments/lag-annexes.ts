import type { Database } from 'better-sqlite3';
import { ANNEX_KINDS, type AnnexKind } from '../../../src-shared/codes/attachments';
import { letterText } from '../documents/common-values';
import type { LagApplication } from '../lag/lag-schema';
import type { MessageKey } from '../messages';
import { applicationAttachments } from './attachment-repo';

/** Each annex kind's name in the LAG draft (the letter's own wording, docs/domain.md). */
const LETTER_NAME: Record<AnnexKind, MessageKey> = {
  business_plan: 'letter.lag.annex.businessPlan',
  quote: 'letter.lag.annex.quotes',
  accounts: 'letter.lag.annex.accounts',
};

/**
 * The LAG draft's annex list: the annexes a LAG asks for (business plan, quotes, accounts), each
 * with the names of the attachments marked as it or "ikke vedhæftet"; then the application's
 * other attachments; then the lines the consultant wrote in the application's own annex list.
 */
export function lagAnnexLines(db: Database, app: LagApplication | undefined): string[] {
  const files = app ? applicationAttachments(db, app.id) : [];
  const lines = ANNEX_KINDS.map((kind) => {
    const annex = letterText(LETTER_NAME[kind]);
    const names = files.filter((f) => f.annex === kind).map((f) => f.name);
    return names.length
      ? letterText('letter.lag.annexAttached', { annex, files: names.join(', ') })
      : letterText('letter.lag.annexNotAttached', { annex });
  });
  for (const f of files) if (f.annex === null) lines.push(f.name);
  return [...lines, ...(app?.annexes ?? [])];
}
