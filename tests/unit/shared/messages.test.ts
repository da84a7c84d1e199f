import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMPANY_STATUSES, LEGAL_FORMS } from '../../../src-shared/codes/companies';
import { DOCUMENT_KINDS } from '../../../src-shared/codes/documents';
import { INTEROP_FORMATS } from '../../../src-shared/codes/interop';
import {
  KNOWLEDGE_TYPES,
  LAG_STATUSES,
  ORGANISATION_TYPES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
} from '../../../src-shared/codes/outreach';
import { BREAKDOWNS, KPI_KEYS, QUALITY_KEYS, SIZE_BANDS } from '../../../src-shared/codes/report';
import { FOLLOWUP_STATES, NEED_KEYS, POTENTIAL_LEVELS, VISIT_TYPES } from '../../../src-shared/codes/visits';
import { isMessageKey, type MessageKey, message, messageOrText, translate } from '../../../src-shared/messages';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { da, type Messages } from '../../../src-shared/messages/da';
import { en } from '../../../src-shared/messages/en';

const DIR = path.resolve(__dirname, '../../../src-shared/messages');
const moduleFiles = (lang: string) =>
  fs
    .readdirSync(path.join(DIR, lang))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .sort();

async function modules(lang: string): Promise<Array<[string, Record<string, string>]>> {
  const out: Array<[string, Record<string, string>]> = [];
  for (const file of moduleFiles(lang)) {
    const mod = (await import(path.join(DIR, lang, file))) as Record<string, Record<string, string>>;
    const [only, ...more] = Object.values(mod);
    expect(more, `${lang}/${file} exports one catalogue`).toEqual([]);
    out.push([file, only ?? {}]);
  }
  return out;
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the message catalogue', () => {
  it('has exactly the same keys in Danish and English, module by module (the types say so too)', async () => {
    expectTypeOf(en).toEqualTypeOf<Messages>();
    expectTypeOf<keyof typeof en>().toEqualTypeOf<keyof typeof da>();
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    expect(moduleFiles('en')).toEqual(moduleFiles('da'));
    const daModules = await modules('da');
    const enModules = new Map(await modules('en'));
    for (const [file, daModule] of daModules) {
      expect(Object.keys(enModules.get(file) ?? {}).sort(), file).toEqual(Object.keys(daModule).sort());
    }
  });

  it('defines each key in one module only, so merging the modules loses no text', async () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, mod] of await modules('da')) {
      for (const key of Object.keys(mod)) {
        const first = seen.get(key);
        if (first) twice.push(`${key}: ${first} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(Object.keys(da).length);
  });

  it('uses the same {placeholders} in both languages and has no empty text', () => {
    const mismatched: string[] = [];
    for (const key of Object.keys(da) as MessageKey[]) {
      if (placeholders(da[key]).join() !== placeholders(en[key]).join()) mismatched.push(key);
      expect(da[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
    expect(mismatched).toEqual([]);
  });

  it('names every text by one key style: dotted, camelCase words, stored codes as they are stored', () => {
    const odd = Object.keys(da).filter((k) => !/^[a-z][a-zA-Z]*(\.[a-zA-Z0-9][\w+-]*)+$/.test(k));
    expect(odd).toEqual([]);
  });

  it('has a label for every code of every list, reached by the code (not a hand-written table)', () => {
    const lists: Array<[readonly (string | number)[], (code: never) => MessageKey]> = [
      [COMPANY_STATUSES, labelKey.companyStatus],
      [LEGAL_FORMS, labelKey.legalForm],
      [LEGAL_FORMS, labelKey.legalFormShort],
      [VISIT_TYPES, labelKey.visitType],
      [NEED_KEYS, labelKey.need],
      [POTENTIAL_LEVELS, labelKey.potential],
      [FOLLOWUP_STATES, labelKey.followUpState],
      [REFERRAL_STATUSES, labelKey.referralStatus],
      [REFERRAL_OUTCOMES, labelKey.referralOutcome],
      [REFERRAL_OUTCOMES, labelKey.referralOutcomeShort],
      [LAG_STATUSES, labelKey.lagStatus],
      [KNOWLEDGE_TYPES, labelKey.knowledgeType],
      [ORGANISATION_TYPES, labelKey.organisationType],
      [DOCUMENT_KINDS, labelKey.documentKind],
      [DOCUMENT_KINDS, labelKey.documentTitle],
      [INTEROP_FORMATS, labelKey.format],
      [KPI_KEYS, labelKey.kpi],
      [KPI_KEYS, labelKey.kpiSheet],
      [QUALITY_KEYS, labelKey.quality],
      [BREAKDOWNS, labelKey.breakdown],
      [BREAKDOWNS, labelKey.breakdownHeading],
      [SIZE_BANDS, labelKey.sizeBand],
    ];
    const wrong = lists.flatMap(([codes, key]) =>
      codes
        .map((code) => [String(code), key(code as never)] as const)
        .filter(([code, k]) => !isMessageKey(k) || !k.endsWith(`.${code}`))
        .map(([, k]) => k),
    );
    expect(wrong).toEqual([]);
    expect(translate('da', labelKey.companyStatus('needs_clarified'))).toBe('Behov afklaret');
    expect(message(labelKey.kpi('referred_vaeksthus'), {}, 'en')).toBe('Referred to Væksthus/erhvervshus');
  });

  it('fills placeholders the same way for the core and the renderer', () => {
    expect(message('validation.cvrDuplicate', { cvr: '12345674', name: 'Smedjen' })).toBe(
      'CVR-nummeret 12345674 er allerede brugt af Smedjen',
    );
    expect(translate('en', 'caseload.count.other', { count: 3 })).toBe('3 companies');
    // The core looks up a parameter that is itself a key (an entity, a status) in the same language.
    expect(message('error.notFound', { entity: 'entity.visit' }, 'en')).toBe('The visit does not exist');
    // A text that is not a key (a zod default, a sheet header) is shown as it is.
    expect(messageOrText('Kolonne A', {}, 'en')).toBe('Kolonne A');
  });
});
