import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { useConsultants } from '../lib/use-reference';

/** Whose work a list shows: 'mine', 'all' or a colleague's id (as text, the select's value). */
export type Who = string;

/** The list's scope for a choice of `WhoSelect`, as the followups and week methods take it. */
export function whoScope(who: Who): { scope: 'mine' | 'all'; consultantId?: number } {
  return who === 'mine' || who === 'all' ? { scope: who } : { scope: 'all', consultantId: Number(who) };
}

/** "Vis": mine, everyone's or one colleague's; `hideMe` leaves my own name out of the colleagues. */
export function WhoSelect(props: {
  value: Who;
  onChange(who: Who): void;
  me: { id: number; name: string } | null | undefined;
  hideMe?: boolean;
}) {
  const t = useT();
  const { reportError } = useToasts();
  const consultants = useConsultants(reportError);
  const { me } = props;
  return (
    <label className="followups-who">
      <span>{t('followups.who')}</span>
      <select className="input" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="mine">{me ? t('followups.mineNamed', { name: me.name }) : t('followups.mine')}</option>
        <option value="all">{t('followups.all')}</option>
        {consultants
          .filter((c) => c.active && !(props.hideMe && c.id === me?.id))
          .map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
      </select>
    </label>
  );
}
