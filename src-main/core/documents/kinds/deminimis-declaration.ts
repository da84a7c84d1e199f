import { formatLetterDate } from '../../../../src-shared/format/dates';
import { formatEuro, formatMoney } from '../../../../src-shared/format/money';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import { deMinimisReport } from '../../deminimis/ledger';
import { companyAddress, companyValues, letterText } from '../common-values';
import type { Issue, KindBuilder } from './kind-types';

/**
 * The declaration a firm signs before de minimis aid is granted: every de minimis grant in the
 * period the rule in force on the letter's date counts, the ceiling and the headroom
 * (docs/domain.md "De minimis aid"). The firm checks the list, adds what Bindeled does not know,
 * and signs.
 */
export const buildDeMinimisDeclaration: KindBuilder = (db, company, req) => {
  const missing: Issue[] = [];
  const warnings: Issue[] = [];
  if (!company.cvr) warnings.push({ key: 'doc.missing.cvr' });
  if (!companyAddress(company)) warnings.push({ key: 'doc.missing.address' });
  const r = deMinimisReport(db, { companyId: company.id, on: req.letterDate }, req.letterDate);
  const own = r.limits[0];
  const counted = r.aid.filter((a) => a.counted);
  return {
    text: {
      ...companyValues(company),
      dm_date: formatLetterDate(r.on),
      dm_rule: own
        ? letterText('letter.deminimis.rule', {
            regulation: own.regulation,
            ceiling: formatEuro(own.ceilingEurCents),
            period: letterText(labelKey.deMinimisPeriod(own.period)),
          })
        : '',
      dm_window: own
        ? letterText('letter.deminimis.window', { from: formatLetterDate(own.from), to: formatLetterDate(own.to) })
        : '',
      dm_counted: formatEuro(own?.countedEurCents ?? 0),
      dm_headroom: formatEuro(r.headroomEurCents),
      dm_rate_note: letterText('deminimis.rateNote'),
    },
    rows: {
      aid: counted.length
        ? counted.map((a) => ({
            date: formatLetterDate(a.grantedOn),
            grantor: a.grantor,
            scheme: a.scheme ?? '–',
            eur: formatEuro(a.eurCents),
            dkk: a.ore === null ? '–' : formatMoney(a.ore),
          }))
        : [{ date: letterText('letter.deminimis.none'), grantor: '', scheme: '', eur: '', dkk: '' }],
    },
    missing,
    warnings,
    sources: { referralId: null, lagApplicationId: null, visitId: null },
    fileStem: letterText('letter.deminimis.fileStem', { company: company.name }),
    title: letterText('letter.deminimis.title', { company: company.name }),
  };
};
