import { useEffect, useState } from 'react';
import { COMPANY_FIELDS, type CompanyFieldDef, inputName } from '../../../src-shared/fields/companies';
import { labelKey, movedTableKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { MergeField, MergePlan } from '../api/types';
import { FormDialog, useDialogSave } from '../components/FormDialog';
import { useToasts } from '../components/Toasts';
import { ColumnTable } from '../components/table-columns';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

const FIELDS: readonly CompanyFieldDef[] = COMPANY_FIELDS;
const defOf = (field: string) => FIELDS.find((f) => inputName(f) === field);

interface Props {
  keepId: number;
  mergeId: number;
  onClose(): void;
  onMerged(): void;
}

/**
 * Two firms side by side: for each field where they differ, the consultant picks the value the
 * merged firm keeps; below, what moves. Swapping turns which firm is kept.
 */
export function MergeDialog(props: Props) {
  const t = useT();
  const { notify } = useToasts();
  const [ids, setIds] = useState({ keepId: props.keepId, mergeId: props.mergeId });
  const [take, setTake] = useState<string[]>([]);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const { busy, banner, save } = useDialogSave(() => false);

  useEffect(() => {
    let live = true;
    api
      .call('companies.mergePreview', { ...ids, take })
      .then((p) => live && setPlan(p))
      .catch(() => live && setPlan(null));
    return () => {
      live = false;
    };
  }, [ids, take]);

  const shown = (f: MergeField, side: 'keep' | 'merge'): string => {
    const value = f[side];
    const text = side === 'keep' ? f.keepShown : f.mergeShown;
    if (value === null || value === '') return t('duplicates.empty.value');
    if (text) return text;
    const codes = defOf(f.field)?.codeLabels;
    if (codes && typeof value === 'string') return t((labelKey[codes] as (v: string) => MessageKey)(value));
    return String(value);
  };
  const label = (field: string) => {
    const key = defOf(field)?.label;
    return key ? t(key) : field;
  };
  const choose = (field: string, side: 'keep' | 'merge') => {
    // Shown at once; the preview that follows says what the merge will really do.
    setPlan((p) => p && { ...p, fields: p.fields.map((f) => (f.field === field ? { ...f, chosen: side } : f)) });
    setTake((list) =>
      side === 'merge' ? [...list.filter((f) => f !== field), field] : list.filter((f) => f !== field),
    );
  };

  const differing = plan?.fields.filter((f) => f.keep !== f.merge) ?? [];
  const submit = () =>
    save(async () => {
      const done = await api.call('companies.merge', { ...ids, take });
      notify('success', t('duplicates.merged', { merge: done.mergeName, keep: done.keepName }));
      props.onMerged();
    });

  return (
    <FormDialog
      title={t('duplicates.mergeTitle')}
      size="large"
      busy={busy}
      banner={banner}
      submitLabel={t('duplicates.confirm')}
      onClose={props.onClose}
      onSubmit={submit}
    >
      {plan ? (
        <>
          <p>{t('duplicates.mergeIntro', { keep: plan.keepName, merge: plan.mergeName })}</p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setIds({ keepId: ids.mergeId, mergeId: ids.keepId });
              setTake([]);
            }}
          >
            {t('duplicates.swap')}
          </button>
          <ColumnTable
            className="doc-table merge-table"
            rows={differing}
            rowKey={(f) => f.field}
            columns={[
              { key: 'field', header: t('duplicates.field'), rowHeader: true, cell: (f) => label(f.field) },
              ...(['keep', 'merge'] as const).map((side) => ({
                key: side,
                header:
                  side === 'keep'
                    ? t('duplicates.keepColumn', { name: plan.keepName })
                    : t('duplicates.mergeColumn', { name: plan.mergeName }),
                cell: (f: MergeField) => (
                  <>
                    <label>
                      <input
                        type="radio"
                        name={`merge-${f.field}`}
                        checked={f.chosen === side}
                        disabled={f.fixed}
                        onChange={() => choose(f.field, side)}
                      />{' '}
                      {shown(f, side)}
                    </label>
                    {f.fixed && side === 'merge' ? <div className="muted">{t('duplicates.fixed')}</div> : null}
                  </>
                ),
              })),
            ]}
          />
          <h3>{t('duplicates.moves', { keep: plan.keepName })}</h3>
          {plan.moves.length ? (
            <ul>
              {plan.moves.map((m) => {
                const key = movedTableKey(m.table);
                return (
                  <li key={m.table}>
                    {m.count} × {key ? t(key) : m.table}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="muted">{t('duplicates.noMoves')}</p>
          )}
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </FormDialog>
  );
}
