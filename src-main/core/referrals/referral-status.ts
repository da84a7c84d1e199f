import type { Database } from 'better-sqlite3';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { updateAudited } from '../audit/audit-log';
import { statusMoveDay } from '../domain/status-move';
import { DomainError, invalidField } from '../errors';
import { getReferral, REFERRALS, rawRow } from './referral-repo';
import { canMoveReferral, type Referral, type ReferralOutcome, type ReferralStatus } from './referral-schema';

/**
 * Moves a referral along its allowed path and stamps the day it happened. Sending needs the
 * firm's consent (the letter passes on its data); no step may be dated before the one before it.
 */
export function setReferralStatus(db: Database, id: number, status: ReferralStatus, date?: string | null): Referral {
  db.transaction(() => {
    const before = rawRow(db, id);
    if (before.status === status) return;
    const day = statusMoveDay(
      {
        from: before.status,
        to: status,
        allowed: canMoveReferral(before.status, status),
        label: labelKey.referralStatus,
      },
      date,
    );
    const sentAt = before.sent_at as string | null;
    const receivedAt = before.received_at as string | null;
    const values: Record<string, unknown> = { status };
    if (status === 'sent') {
      if (!before.consent_on) throw invalidField('status', 'referral.consentRequired');
      if (day < (before.consent_on as string)) throw invalidField('date', 'referral.dateBeforeConsent');
      values.sent_at = day;
    } else if (status === 'received') {
      if (sentAt && day < sentAt) throw invalidField('date', 'referral.dateBeforeSent', { date: formatDateDa(sentAt) });
      values.received_at = day;
    } else if (status === 'closed' || status === 'declined') {
      const floor = receivedAt ?? sentAt;
      if (floor && day < floor) throw invalidField('date', 'referral.dateBeforeSent', { date: formatDateDa(floor) });
      values.closed_at = day;
    }
    updateAudited(db, REFERRALS, id, before, values);
  })();
  return getReferral(db, id);
}

/** Records what came of a referral; it may arrive long after it was closed, so any sent referral takes one. */
export function setReferralOutcome(
  db: Database,
  id: number,
  o: { outcome: ReferralOutcome | null; amountOre?: number | null; outcomeOn?: string | null; note?: string | null },
): Referral {
  db.transaction(() => {
    const before = rawRow(db, id);
    if (o.outcome !== null && before.status === 'draft') {
      throw new DomainError('conflict', 'referral.outcomeBeforeSent');
    }
    const values: Record<string, unknown> = {
      outcome: o.outcome,
      outcome_amount_ore: o.outcome === null ? null : (o.amountOre ?? null),
      outcome_on: o.outcome === null ? null : (o.outcomeOn ?? null),
      outcome_note: o.outcome === null ? null : (o.note ?? null),
    };
    if (o.outcome === 'grant_awarded') {
      if (!o.amountOre) throw invalidField('amountOre', 'referral.grantAmountRequired');
      if (!o.outcomeOn) throw invalidField('outcomeOn', 'referral.outcomeDateRequired');
    }
    if (o.outcomeOn) {
      if (o.outcomeOn > todayIso()) throw invalidField('outcomeOn', 'validation.dateFuture');
      const sentAt = before.sent_at as string | null;
      if (sentAt && o.outcomeOn < sentAt)
        throw invalidField('outcomeOn', 'referral.dateBeforeSent', { date: formatDateDa(sentAt) });
    }
    updateAudited(db, REFERRALS, id, before, values);
  })();
  return getReferral(db, id);
}
