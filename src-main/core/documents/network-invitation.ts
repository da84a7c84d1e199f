import type { Database } from 'better-sqlite3';
import { formatLetterDate, todayIso } from '../../../src-shared/format/dates';
import { DomainError } from '../errors';
import { getNetwork } from '../networks/network-repo';
import type { Network } from '../networks/network-schema';
import { letterText } from './common-values';
import type { NetworkInvitation } from './document-schema';

/**
 * The invitation to a network meeting, written for every current member as a batch of free
 * letters (`brev`), so the consultant can change the words before the letters are made. The
 * meeting is the one named, else the next one on or after today, else none (the letter then
 * invites to "the next meeting" without a date).
 */
/** The meeting named (it must be the network's), else the next one on or after today, else none. */
export function meetingOf(
  network: Network,
  meetingId: number | undefined,
  today = todayIso(),
): Network['meetings'][number] | undefined {
  if (meetingId === undefined)
    return [...network.meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn)).find((m) => m.heldOn >= today);
  const meeting = network.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new DomainError('invalid_input', 'doc.invitation.otherMeeting', { network: network.name });
  return meeting;
}

export function networkInvitation(
  db: Database,
  req: { networkId: number; meetingId?: number | undefined },
  today = todayIso(),
): NetworkInvitation {
  const network = getNetwork(db, req.networkId);
  const companyIds = network.members.filter((m) => m.leftOn === null).map((m) => m.companyId);
  if (companyIds.length === 0)
    throw new DomainError('invalid_input', 'doc.invitation.noMembers', { network: network.name });
  const meeting = meetingOf(network, req.meetingId, today);
  const when = meeting
    ? letterText('letter.invitation.when', {
        network: network.name,
        date: formatLetterDate(meeting.heldOn),
        place: meeting.place ? letterText('letter.invitation.place', { place: meeting.place }) : '',
      })
    : letterText('letter.invitation.next', { network: network.name });
  const topic = meeting?.topic ? letterText('letter.invitation.topic', { topic: meeting.topic }) : '';
  return {
    networkName: network.name,
    companyIds,
    meetingId: meeting?.id ?? null,
    subject: letterText('letter.invitation.subject', { network: network.name }),
    text: [
      letterText('letter.invitation.greeting', { network: network.name }),
      [when, topic].filter(Boolean).join(' '),
      letterText('letter.invitation.reply'),
    ].join('\n\n'),
  };
}
