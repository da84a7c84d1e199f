import { useCallback, useState } from 'react';
import { DE_MINIMIS_SECTORS, type DeMinimisSector } from '../../../src-shared/codes/deminimis';
import { formatEuro, formatMoney, parseMoneyInput } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DeMinimisReport } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { DateField } from '../components/form-fields';
import { LabelOptions } from '../components/Options';
import { DeleteConfirm, RecordRow, RecordSection } from '../components/RecordList';
import { AddButton } from '../components/SectionCard';
import { useLoaded } from '../components/use-loaded';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import './deminimis.css';

type Aid = DeMinimisReport['aid'][number];

/**
 * The firm's de minimis ledger: the headroom today under the rule in force, every grant counted,
 * and aid from elsewhere added by hand (docs/domain.md "De minimis aid").
 */
export function DeMinimisSection({ companyId }: { companyId: number }) {
  const t = useT();
  const [sector, setSector] = useState<DeMinimisSector>('general');
  const [report, load] = useLoaded(
    useCallback(() => api.call('deminimis.status', { companyId, sector }), [companyId, sector]),
  );
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Aid | null>(null);
  const title = t('deminimis.title');

  return (
    <div className="deminimis">
      <RecordSection
        titleId="deminimis-title"
        title={title}
        action={<AddButton label={t('deminimis.add')} onClick={() => setAdding(true)} />}
        items={report ? report.aid : null}
        emptyText={t('deminimis.empty')}
        listLabel={title}
        renderRow={(a) => (
          <RecordRow
            key={`${a.source}-${a.id}`}
            main={
              <>
                <span className="record-title">{formatEuro(a.eurCents)}</span>
                <span className="muted">{formatDate(a.grantedOn)}</span>
                <span>{a.grantor}</span>
                {a.scheme ? <span className="muted">{a.scheme}</span> : null}
                <span className="tag">{t(labelKey.deMinimisSource(a.source))}</span>
                {a.counted ? <span className="tag">{t('deminimis.column.counted')}</span> : null}
              </>
            }
            actions={
              a.source === 'manual' ? (
                <button type="button" className="btn btn-small" onClick={() => setRemoving(a)}>
                  {t('deminimis.remove')}
                </button>
              ) : null
            }
          >
            {a.ore !== null ? <p className="record-text">{formatMoney(a.ore)}</p> : null}
          </RecordRow>
        )}
      >
        {report ? (
          <div className="deminimis-status">
            <SelectField
              id="deminimis-sector"
              label={t('deminimis.sectorLabel')}
              value={sector}
              onChange={(e) => setSector(e.target.value as DeMinimisSector)}
            >
              <LabelOptions codes={DE_MINIMIS_SECTORS} label={labelKey.deMinimisSector} />
            </SelectField>
            <p className="deminimis-headroom" data-testid="deminimis-headroom">
              <strong>
                {t('deminimis.headroomOn', {
                  amount: formatEuro(report.headroomEurCents),
                  date: formatDate(report.on),
                })}
              </strong>
            </p>
            <ul className="deminimis-limits">
              {report.limits.map((l) => (
                <li key={l.regulation}>
                  {t('deminimis.rule', {
                    regulation: l.regulation,
                    ceiling: formatEuro(l.ceilingEurCents),
                    period: t(labelKey.deMinimisPeriod(l.period)),
                  })}
                  {' · '}
                  {t('deminimis.window', { from: formatDate(l.from), to: formatDate(l.to) })}
                  {' · '}
                  {t('deminimis.counted')}: {formatEuro(l.countedEurCents)}
                </li>
              ))}
            </ul>
            <p className="muted">{t('deminimis.rateNote')}</p>
          </div>
        ) : null}
        {adding ? (
          <AddAidDialog
            companyId={companyId}
            onClose={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              void load();
            }}
          />
        ) : null}
        {removing ? (
          <DeleteConfirm
            text={t('deminimis.removeConfirm', { grantor: removing.grantor, date: formatDate(removing.grantedOn) })}
            onClose={() => setRemoving(null)}
            onDelete={() => api.call('deminimis.remove', { id: removing.id })}
            onDeleted={load}
          />
        ) : null}
      </RecordSection>
    </div>
  );
}

function AddAidDialog({ companyId, onClose, onSaved }: { companyId: number; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { values: form, bind } = useFormValues({
    grantedOn: '',
    grantor: '',
    scheme: '',
    sector: 'general' as DeMinimisSector,
    eur: '',
    dkk: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { save } = useFormSave(setErrors);

  /** The grant in euro, and in kroner when it was given in kroner. */
  const amount = (key: 'eur' | 'dkk', error: string | undefined) => (
    <TextField id={`aid-${key}`} label={t(`deminimis.field.${key}`)} inputMode="decimal" {...bind(key)} error={error} />
  );

  const submit = async () => {
    const eur = parseMoneyInput(form.eur);
    const dkk = parseMoneyInput(form.dkk);
    const bad: Record<string, string> = {};
    if (eur === undefined || eur === null) bad.amountEurCents = t('outreach.money.invalid');
    if (dkk === undefined) bad.amountOre = t('outreach.money.invalid');
    if (Object.keys(bad).length) return setErrors(bad);
    setErrors({});
    await save(async () => {
      await api.call('deminimis.add', {
        companyId,
        grantedOn: form.grantedOn,
        grantor: form.grantor,
        scheme: form.scheme,
        sector: form.sector,
        amountEurCents: eur as number,
        amountOre: dkk,
      });
      onSaved();
    });
  };

  return (
    <FormDialog title={t('deminimis.addTitle')} onClose={onClose} onSubmit={submit}>
      <div className="form-grid">
        <DateField
          id="aid-date"
          label={t('deminimis.field.grantedOn')}
          {...bind('grantedOn')}
          error={errors.grantedOn}
        />
        <TextField id="aid-grantor" label={t('deminimis.field.grantor')} {...bind('grantor')} error={errors.grantor} />
        <TextField id="aid-scheme" label={t('deminimis.field.scheme')} {...bind('scheme')} />
        <SelectField id="aid-sector" label={t('deminimis.field.sector')} {...bind('sector')}>
          <LabelOptions codes={DE_MINIMIS_SECTORS} label={labelKey.deMinimisSector} />
        </SelectField>
        {amount('eur', errors.amountEurCents)}
        {amount('dkk', errors.amountOre)}
      </div>
    </FormDialog>
  );
}
