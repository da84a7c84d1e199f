import { createHash } from 'node:crypto';
import type { MessageKey } from '../../messages';
import type { ImportField } from '../interop-schema';

const NON_ASCII = /[\u0080-\uffff]/;

/** Headers are compared without case, spaces, dots, dashes and the like: "CVR-nr." = "cvr nr" = "CVRNR". */
export function normaliseHeader(header: string): string {
  // Every row is compared with the header (a repeated header row is skipped), so this runs once per
  // row of a large file: ASCII text (ids, numbers) is already NFC and lower-cases the same in any locale.
  const text = NON_ASCII.test(header) ? header.normalize('NFC').toLocaleLowerCase('da') : header.toLowerCase();
  return text.replace(/[\s.\-_/\\()'"’:#*]+/g, '');
}

interface FieldGuess {
  field: ImportField;
  label: MessageKey;
  /** Whole headers (normalised) that name the field, Danish and English, including Bindeled's own. */
  exact: string[];
  /** Parts that, found inside a header, point to the field when nothing matched exactly. */
  contains: string[];
}

export const FIELD_GUESSES: readonly FieldGuess[] = [
  {
    field: 'uuid',
    label: 'sheet.column.uuid',
    exact: ['id', 'uuid', 'bindeledid', 'virksomhedsid', 'companyid'],
    contains: [],
  },
  {
    field: 'name',
    label: 'sheet.column.name',
    exact: [
      'navn',
      'firmanavn',
      'firma',
      'virksomhed',
      'virksomhedsnavn',
      'virksomhedensnavn',
      'name',
      'companyname',
      'company',
      'business',
      'businessname',
    ],
    contains: ['firmanavn', 'virksomhedsnavn', 'companyname'],
  },
  {
    field: 'cvr',
    label: 'sheet.column.cvr',
    exact: ['cvr', 'cvrnr', 'cvrnummer', 'cvrno', 'cvrnumber', 'vat', 'vatno', 'vatnumber', 'senr'],
    contains: ['cvr'],
  },
  {
    field: 'pNumber',
    label: 'sheet.column.pNumber',
    exact: ['pnr', 'pnummer', 'pno', 'pnumber', 'productionunit'],
    contains: ['pnummer'],
  },
  {
    field: 'legalForm',
    label: 'sheet.column.legalForm',
    exact: ['selskabsform', 'virksomhedsform', 'ejerform', 'legalform', 'companytype', 'form'],
    contains: ['selskabsform', 'virksomhedsform'],
  },
  {
    field: 'address',
    label: 'sheet.column.address',
    exact: ['adresse', 'vejnavn', 'gade', 'address', 'street', 'streetaddress'],
    contains: ['adresse', 'address'],
  },
  {
    field: 'postcode',
    label: 'sheet.column.postcode',
    exact: ['postnr', 'postnummer', 'post', 'zip', 'zipcode', 'postcode', 'postalcode'],
    contains: ['postnr', 'postnum', 'zip', 'postcode', 'postalcode'],
  },
  {
    field: 'city',
    label: 'sheet.column.city',
    exact: ['by', 'bynavn', 'postdistrikt', 'city', 'town'],
    contains: ['postdistrikt'],
  },
  {
    field: 'kommune',
    label: 'sheet.column.kommune',
    exact: ['kommune', 'kommunenavn', 'kommunekode', 'kommunenr', 'municipality'],
    contains: ['kommune', 'municipality'],
  },
  {
    field: 'industryCode',
    label: 'sheet.column.industry',
    exact: ['branchekode', 'branche', 'db07', 'db07kode', 'industrycode', 'industry', 'nace', 'nacecode'],
    contains: ['branchekode', 'industrycode'],
  },
  {
    field: 'employees',
    label: 'sheet.column.employees',
    exact: [
      'antalansatte',
      'ansatte',
      'medarbejdere',
      'antalmedarbejdere',
      'employees',
      'numberofemployees',
      'headcount',
      'staff',
    ],
    contains: ['ansatte', 'medarbejdere', 'employees'],
  },
  {
    field: 'founded',
    label: 'sheet.column.founded',
    exact: [
      'stiftet',
      'stiftelsesdato',
      'etableret',
      'etableringsdato',
      'startdato',
      'founded',
      'foundingdate',
      'established',
      'startdate',
    ],
    contains: ['stiftet', 'stiftelse', 'etableret', 'founded'],
  },
  {
    field: 'phone',
    label: 'sheet.column.phone',
    exact: [
      'telefon',
      'tlf',
      'tlfnr',
      'telefonnr',
      'telefonnummer',
      'mobil',
      'phone',
      'telephone',
      'mobile',
      'phonenumber',
    ],
    contains: ['telefon', 'tlf', 'phone'],
  },
  {
    field: 'email',
    label: 'sheet.column.email',
    exact: ['email', 'mail', 'emailadresse', 'mailadresse', 'emailaddress'],
    contains: ['mail'],
  },
  {
    field: 'website',
    label: 'sheet.column.website',
    exact: ['hjemmeside', 'web', 'website', 'url', 'www', 'webside', 'homepage'],
    contains: ['hjemmeside', 'website'],
  },
  { field: 'status', label: 'sheet.column.status', exact: ['status', 'sagsstatus'], contains: [] },
  {
    field: 'statusReason',
    label: 'sheet.column.statusReason',
    exact: ['statusbegrundelse', 'begrundelse', 'statusreason'],
    contains: ['begrundelse'],
  },
  {
    field: 'consultant',
    label: 'sheet.column.consultant',
    exact: ['konsulent', 'sagsbehandler', 'erhvervskonsulent', 'ansvarlig', 'consultant', 'adviser', 'advisor'],
    contains: ['konsulent', 'consultant'],
  },
  {
    field: 'ownerName',
    label: 'sheet.column.owner',
    exact: [
      'ejer',
      'indehaver',
      'ejernavn',
      'kontaktperson',
      'kontakt',
      'owner',
      'contact',
      'contactperson',
      'director',
      'direktør',
    ],
    contains: ['indehaver', 'kontaktperson', 'owner'],
  },
];

export interface GuessedMapping {
  mapping: Array<ImportField | null>;
  /** Headers written twice (or more): only the first column is mapped. */
  duplicates: Array<{ header: string; columns: number[] }>;
}

/** Maps each column to at most one field and each field to at most one column (the first that fits). */
export function guessMapping(headers: readonly string[]): GuessedMapping {
  const norm = headers.map(normaliseHeader);
  const mapping: Array<ImportField | null> = headers.map(() => null);
  const used = new Set<ImportField>();
  const duplicates: GuessedMapping['duplicates'] = [];
  const firstAt = new Map<string, number>();
  norm.forEach((h, i) => {
    if (!h) return;
    const first = firstAt.get(h);
    if (first === undefined) firstAt.set(h, i);
    else {
      const dup = duplicates.find((d) => normaliseHeader(d.header) === h);
      if (dup) dup.columns.push(i);
      else duplicates.push({ header: headers[first] ?? h, columns: [first, i] });
    }
  });
  const isDuplicate = (i: number) => firstAt.get(norm[i] ?? '') !== i;
  for (const pass of ['exact', 'contains'] as const) {
    norm.forEach((h, i) => {
      if (!h || mapping[i] || isDuplicate(i)) return;
      const guess = FIELD_GUESSES.find(
        (g) =>
          !used.has(g.field) && (pass === 'exact' ? g.exact.includes(h) : g.contains.some((part) => h.includes(part))),
      );
      if (guess) {
        mapping[i] = guess.field;
        used.add(guess.field);
      }
    });
  }
  return { mapping, duplicates };
}

/** Identifies a file layout by its headers, so the mapping chosen for it last time is offered again. */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normaliseHeader).join('\u0001')).digest('hex');
}
