import { Plus } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { LetterKind, Network } from '../api/types';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/Field';
import { useFormValues } from '../components/form-binding';
import { useToasts } from '../components/Toasts';
import { useLoaded } from '../components/use-loaded';
import { BatchLettersDialog } from '../documents/BatchLettersDialog';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { MembershipDates } from './MembershipDates';
import { todayText } from './use-outreach-data';

interface Props {
  id: number;
  onClose(): void;
  onChanged(): void;
}

interface Found {
  id: number;
  name: string;
  cvr: string | null;
}

/** One network: members with joined/left dates (leaving is a date), and its meetings. */
export function NetworkDetail({ id, onClose, onChanged }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const [net, setNet] = useState<Network | null>(null);
  const form = useFormValues({ search: '', joinedOn: todayText(), meetingOn: todayText(), meetingTopic: '' });
  const { search, joinedOn, meetingOn, meetingTopic } = form.values;
  const [found, setFound] = useState<Found[]>([]);
  const [invitation, setInvitation] = useState<{ companyIds: number[]; subject: string; text: string } | null>(null);
  const [ownKinds] = useLoaded(
    useCallback(() => api.call('letterKinds.list', {}).then((l) => l.filter((k) => k.subject === 'network')), []),
  );
  const [ownLetter, setOwnLetter] = useState<LetterKind | null>(null);
  const members = net?.members.filter((m) => m.leftOn === null).map((m) => m.companyId) ?? [];

  const load = useCallback(() => api.call('networks.get', { id }).then(setNet, reportError), [id, reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (search.trim().length < 2) return setFound([]);
    const timer = window.setTimeout(() => {
      api
        .call('companies.list', { search, offset: 0, limit: 8 })
        .then((p) => setFound(p.rows.map((r) => ({ id: r.id, name: r.name, cvr: r.cvr }))), reportError);
    }, 200);
    return () => window.clearTimeout(timer);
  }, [search, reportError]);

  const after = async (p: Promise<unknown>) => {
    try {
      await p;
      await load();
      onChanged();
    } catch (err) {
      reportError(err);
    }
  };

  /** A member's or meeting's own action, at the end of its row. */
  const quietButton = (label: string, call: () => Promise<unknown>) => (
    <button type="button" className="btn btn-small btn-quiet" onClick={() => void after(call())}>
      {label}
    </button>
  );

  return (
    <Dialog
      title={net?.name ?? t('common.loading')}
      size="large"
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="btn"
            onClick={() => api.call('documents.networkInvitation', { networkId: id }).then(setInvitation, reportError)}
          >
            {t('doc.invitation.write')}
          </button>
          {(ownKinds ?? []).map((k) => (
            <button
              key={k.ref}
              type="button"
              className="btn"
              disabled={!members.length}
              onClick={() => setOwnLetter(k)}
            >
              {t('letterKind.network.make', { kind: k.name })}
            </button>
          ))}
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </>
      }
    >
      {net ? (
        <div className="form-sections">
          <p className="muted">{[net.theme, formatDate(net.foundedOn), net.facilitator].filter(Boolean).join(' · ')}</p>
          <section className="form-section">
            <h3>{t('network.members')}</h3>
            <ul className="record-list" aria-label={t('network.members')}>
              {net.members.map((m) => (
                <li key={m.id} className="record record-row">
                  <span className="record-title">{m.companyName}</span>
                  <MembershipDates joinedOn={m.joinedOn} leftOn={m.leftOn} />
                  {m.leftOn
                    ? null
                    : quietButton(t('network.leave'), () =>
                        api.call('networks.updateMember', { id: m.id, leftOn: todayText() }),
                      )}
                </li>
              ))}
            </ul>
            <div className="form-grid">
              <TextField id="net-member-search" label={t('network.addMember')} {...form.bind('search')} />
              <TextField id="net-member-joined" label={t('network.joinedOn')} {...form.bind('joinedOn')} />
            </div>
            <ul className="record-list">
              {found.map((c) => (
                <li key={c.id} className="record record-row">
                  <span>
                    {c.name} {c.cvr ? <span className="muted">{c.cvr}</span> : null}
                  </span>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      form.set('search', '');
                      void after(api.call('networks.addMember', { networkId: id, companyId: c.id, joinedOn }));
                    }}
                  >
                    {t('common.add')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section className="form-section">
            <h3>{t('network.meetings')}</h3>
            <ul className="record-list" aria-label={t('network.meetings')}>
              {net.meetings.map((m) => (
                <li key={m.id} className="record record-row">
                  <span>{formatDate(m.heldOn)}</span>
                  <span>{m.topic}</span>
                  {quietButton(t('common.delete'), () => api.call('networks.deleteMeeting', { id: m.id }))}
                </li>
              ))}
            </ul>
            <div className="form-grid">
              <TextField id="net-meeting-date" label={t('network.meetingOn')} {...form.bind('meetingOn')} />
              <TextField id="net-meeting-topic" label={t('network.meetingTopic')} {...form.bind('meetingTopic')} />
            </div>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                void after(
                  api.call('networks.addMeeting', { networkId: id, heldOn: meetingOn, topic: meetingTopic }),
                ).then(() => form.set('meetingTopic', ''));
              }}
            >
              <Plus size={14} aria-hidden="true" />
              {t('network.addMeeting')}
            </button>
          </section>
        </div>
      ) : null}
      {invitation ? (
        <BatchLettersDialog
          companyIds={invitation.companyIds}
          letter={{ subject: invitation.subject, text: invitation.text }}
          onClose={() => setInvitation(null)}
        />
      ) : null}
      {ownLetter ? (
        <BatchLettersDialog
          companyIds={members}
          network={{ networkId: id, kind: ownLetter.ref, kindName: ownLetter.name }}
          onClose={() => setOwnLetter(null)}
        />
      ) : null}
    </Dialog>
  );
}
