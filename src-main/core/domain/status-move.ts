import { todayIso } from '../../../src-shared/format/dates';
import { DomainError, invalidField } from '../errors';
import type { MessageKey } from '../messages';

/**
 * The day a referral or application moves to another status: refused, naming both statuses, when
 * its path does not lead there, and when the day given is still to come; today when none is given.
 */
export function statusMoveDay<S extends string>(
  move: { from: S; to: S; allowed: boolean; label: (status: S) => MessageKey },
  date: string | null | undefined,
): string {
  if (!move.allowed) {
    throw new DomainError('conflict', 'outreach.statusTransitionRefused', {
      from: move.label(move.from),
      to: move.label(move.to),
    });
  }
  const day = date ?? todayIso();
  if (day > todayIso()) throw invalidField('date', 'validation.dateFuture');
  return day;
}
