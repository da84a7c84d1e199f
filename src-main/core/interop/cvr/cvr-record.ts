import type { LegalForm } from '../../../../src-shared/codes/companies';
import { DB25_FROM, type IndustrySystem } from '../../../../src-shared/codes/industry';
import type { MessageKey } from '../../messages';

/**
 * One firm as the CVR register's System-til-System service describes it (a "Vrvirksomhed"
 * document), reduced to the values Bindeled keeps: each the current one, read from
 * `virksomhedMetadata.nyeste…` where the register gives it, else from the period with no end.
 * The shape is documented in docs/domain.md ("CVR register data").
 */
export interface RegisterFirm {
  cvr: string;
  name: string | null;
  address: string | null;
  postcode: string | null;
  city: string | null;
  kommuneCode: number | null;
  industryCode: string | null;
  industryTitle: string | null;
  /**
   * The classification the document's dates put the code in: DB25 when the industry entry started
   * or the document was updated or read on or after DB25_FROM, DB07 when every date is older, null
   * without dates. A code only one table has overrides it (cvr-plan.ts).
   */
  industryDated: IndustrySystem | null;
  legalForm: LegalForm | null;
  /** The register gives a band ("ANTAL_10_19") and sometimes the count itself (then low = high). */
  employees: { low: number; high: number } | null;
  ceased: boolean;
  reklamebeskyttet: boolean;
}

export type RegisterRead =
  | { ok: true; firm: RegisterFirm }
  | { ok: false; message: MessageKey; params: Record<string, unknown> };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/\s+/g, ' ');
  return t === '' ? null : t;
};

/** The entry of a dated list that is current: the period with no end date (the latest such). */
function current(list: unknown): Obj | null {
  if (!Array.isArray(list)) return null;
  let found: Obj | null = null;
  for (const item of list) {
    if (!isObj(item)) continue;
    const periode = isObj(item.periode) ? item.periode : {};
    if (periode.gyldigTil === null || periode.gyldigTil === undefined) found = item;
  }
  return found;
}

/** `nyesteX` from the metadata, else the open period of the list `list`. */
function newest(doc: Obj, meta: Obj, key: string, list: string): Obj | null {
  const m = meta[key];
  return isObj(m) ? m : current(doc[list]);
}

/** The register's short names for legal forms, and its form codes, as Bindeled's codes; anything else is "other". */
const FORM_BY_SHORT: Readonly<Record<string, LegalForm>> = {
  ENK: 'enkeltmand',
  'I/S': 'is',
  'A/S': 'as',
  APS: 'aps',
  IVS: 'ivs',
  AMBA: 'amba',
  FMBA: 'fmba',
  FORENING: 'forening',
};
const FORM_BY_CODE: Readonly<Record<string, LegalForm>> = {
  '10': 'enkeltmand',
  '30': 'is',
  '60': 'as',
  '80': 'aps',
  '81': 'ivs',
  '110': 'forening',
  '115': 'forening',
  '130': 'amba',
  '140': 'fmba',
};

function legalForm(form: Obj | null): LegalForm | null {
  if (!form) return null;
  const short = str(form.kortBeskrivelse)?.toUpperCase();
  const code = str(form.virksomhedsformkode);
  return (short && FORM_BY_SHORT[short]) || (code && FORM_BY_CODE[code]) || 'other';
}

/** "Vestergade 12A, 1. tv": street, house number and letter (or a range), floor and door. */
function addressLine(a: Obj): string | null {
  const street = str(a.vejnavn);
  if (!street) return str(a.fritekst) ?? str(a.adresseFritekst);
  const from = `${str(a.husnummerFra) ?? ''}${str(a.bogstavFra) ?? ''}`;
  const to = `${str(a.husnummerTil) ?? ''}${str(a.bogstavTil) ?? ''}`;
  let line = [street, to ? `${from}-${to}` : from].filter(Boolean).join(' ');
  const floor = str(a.etage);
  const door = str(a.sidedoer);
  if (floor || door) line += `, ${[floor && `${floor}.`, door].filter(Boolean).join(' ')}`;
  return line;
}

/** The register's employee bands ("ANTAL_10_19", "ANTAL_1000_999999") and counts, newest first. */
function employees(meta: Obj): RegisterFirm['employees'] {
  for (const key of ['nyesteErstMaanedsbeskaeftigelse', 'nyesteKvartalsbeskaeftigelse', 'nyesteAarsbeskaeftigelse']) {
    const e = meta[key];
    if (!isObj(e)) continue;
    if (typeof e.antalAnsatte === 'number' && Number.isInteger(e.antalAnsatte) && e.antalAnsatte >= 0)
      return { low: e.antalAnsatte, high: e.antalAnsatte };
    const band = /^ANTAL_(\d+)_(\d+)$/.exec(str(e.intervalKodeAntalAnsatte) ?? '');
    if (band) return { low: Number(band[1]), high: Number(band[2]) };
  }
  return null;
}

/** The latest of the dates that tell when the register last said what the industry is. */
function industryDated(doc: Obj, meta: Obj, industry: Obj | null): IndustrySystem | null {
  const periode = industry && isObj(industry.periode) ? industry.periode : {};
  const dates = [
    periode.gyldigFra,
    industry?.sidstOpdateret,
    meta.sidstOpdateret,
    doc.sidstOpdateret,
    doc.sidstIndlaest,
  ]
    .map((d) => str(d)?.slice(0, 10))
    .filter((d): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (dates.length === 0) return null;
  return dates.some((d) => d >= DB25_FROM) ? 'DB25' : 'DB07';
}

const CEASED_STATUS = /oph[øo]rt|opl[øo]st|slettet/i;

/** The firm document inside what one line (or one search hit) holds: a hit, `{Vrvirksomhed}` or the document itself. */
export function firmDocument(value: unknown): Obj | null {
  if (!isObj(value)) return null;
  const source = isObj(value._source) ? value._source : value;
  if (isObj(source.Vrvirksomhed)) return source.Vrvirksomhed;
  return 'cvrNummer' in source && 'virksomhedMetadata' in source ? source : null;
}

/** Reads one document; a document that is not a firm or whose CVR fails the check is refused with its reason. */
export function readRegisterFirm(value: unknown, isValidCvr: (cvr: string) => boolean): RegisterRead {
  const doc = firmDocument(value);
  if (!doc) {
    const kind = isObj(value) ? Object.keys(isObj(value._source) ? value._source : value)[0] : undefined;
    return { ok: false, message: 'cvrImport.notFirm', params: { kind: kind ?? typeof value } };
  }
  const cvr = str(doc.cvrNummer);
  if (!cvr || !/^\d{8}$/.test(cvr) || !isValidCvr(cvr))
    return { ok: false, message: 'cvrImport.badCvr', params: { cvr: cvr ?? '' } };
  const meta = isObj(doc.virksomhedMetadata) ? doc.virksomhedMetadata : {};
  const name = newest(doc, meta, 'nyesteNavn', 'navne');
  const address = newest(doc, meta, 'nyesteBeliggenhedsadresse', 'beliggenhedsadresse');
  const industry = newest(doc, meta, 'nyesteHovedbranche', 'hovedbranche');
  const form = newest(doc, meta, 'nyesteVirksomhedsform', 'virksomhedsform');
  const kommune = address && isObj(address.kommune) ? address.kommune : null;
  const postcode = str(address?.postnummer);
  const industryCode = str(industry?.branchekode);
  const kommuneCode = str(kommune?.kommuneKode);
  const life = Array.isArray(doc.livsforloeb) ? doc.livsforloeb : [];
  const status = str(meta.sammensatStatus) ?? '';
  return {
    ok: true,
    firm: {
      cvr,
      name: str(name?.navn),
      address: address ? addressLine(address) : null,
      postcode: postcode && /^\d{3}$/.test(postcode) ? `0${postcode}` : postcode,
      city: str(address?.postdistrikt),
      kommuneCode: kommuneCode && /^\d{1,4}$/.test(kommuneCode) ? Number(kommuneCode) : null,
      industryCode: industryCode && /^\d{5}$/.test(industryCode) ? `0${industryCode}` : industryCode,
      industryTitle: str(industry?.branchetekst),
      industryDated: industryDated(doc, meta, industry),
      legalForm: legalForm(form),
      employees: employees(meta),
      ceased: CEASED_STATUS.test(status) || (life.length > 0 && current(life) === null),
      reklamebeskyttet: doc.reklamebeskyttet === true,
    },
  };
}
