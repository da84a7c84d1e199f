import fs from 'node:fs';
import { cvrCheckDigit } from '../../src-main/core/domain/cvr';

/** The region's kommuner (docs/domain.md), with a postcode and town in each. */
const PLACES: ReadonlyArray<[number, number, string]> = [
  [751, 8000, 'Aarhus C'],
  [657, 7400, 'Herning'],
  [615, 8700, 'Horsens'],
  [740, 8600, 'Silkeborg'],
  [730, 8900, 'Randers C'],
  [791, 8800, 'Viborg'],
  [661, 7500, 'Holstebro'],
  [779, 7800, 'Skive'],
];
const FORMS: ReadonlyArray<[number, string, string]> = [
  [80, 'APS', 'Anpartsselskab'],
  [60, 'A/S', 'Aktieselskab'],
  [10, 'ENK', 'Enkeltmandsvirksomhed'],
  [30, 'I/S', 'Interessentskab'],
];
const BANDS = ['ANTAL_1_1', 'ANTAL_2_4', 'ANTAL_5_9', 'ANTAL_10_19', 'ANTAL_20_49'];

/**
 * Writes a CVR System-til-System extract of `count` firms, one "Vrvirksomhed" per line, shaped
 * like the fixture (tests/fixtures/import/cvr-extract.jsonl): dated lists and the metadata, a
 * couple of kB a firm, as the service's documents are. Every CVR passes its check digit.
 */
export function writeCvrExtract(file: string, count: number): number {
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let lines: string[] = [];
  for (let n = 1_000_000; written < count; n++) {
    const digit = cvrCheckDigit(String(n));
    if (digit === undefined) continue;
    const cvr = Number(`${n}${digit}`);
    const i = written++;
    const [kommune, post, town] = PLACES[i % PLACES.length] as [number, number, string];
    const [formCode, short, long] = FORMS[i % FORMS.length] as [number, string, string];
    const open = { gyldigFra: '2015-03-01', gyldigTil: null };
    const address = {
      landekode: 'DK',
      vejnavn: `Erhvervsvej`,
      husnummerFra: (i % 200) + 1,
      bogstavFra: null,
      etage: null,
      sidedoer: null,
      postnummer: post,
      postdistrikt: town,
      kommune: { kommuneKode: kommune, kommuneNavn: town.toUpperCase() },
      periode: open,
      sidstOpdateret: '2021-03-02T10:11:12.000+01:00',
    };
    const name = `Virksomhed ${i} ${short === 'ENK' ? '' : short}`.trim();
    const industry = {
      branchekode: String(100000 + ((i * 7919) % 800000)).padStart(6, '0'),
      branchetekst: 'Branche',
      periode: open,
    };
    const form = { virksomhedsformkode: formCode, kortBeskrivelse: short, langBeskrivelse: long, periode: open };
    const ceased = i % 50 === 49;
    const doc = {
      Vrvirksomhed: {
        cvrNummer: cvr,
        reklamebeskyttet: i % 9 === 0,
        navne: [
          { navn: `Gammelt navn ${i}`, periode: { gyldigFra: '2010-01-01', gyldigTil: '2015-02-28' } },
          { navn: name, periode: open },
        ],
        beliggenhedsadresse: [address],
        hovedbranche: [industry],
        virksomhedsform: [form],
        livsforloeb: [{ periode: { gyldigFra: '2010-01-01', gyldigTil: ceased ? '2025-12-31' : null } }],
        virksomhedMetadata: {
          nyesteNavn: { navn: name, periode: open },
          nyesteBeliggenhedsadresse: address,
          nyesteHovedbranche: industry,
          nyesteVirksomhedsform: form,
          nyesteErstMaanedsbeskaeftigelse: {
            aar: 2026,
            maaned: 9,
            antalAnsatte: null,
            intervalKodeAntalAnsatte: BANDS[i % BANDS.length],
          },
          sammensatStatus: ceased ? 'Ophørt' : 'Normal',
          stiftelsesDato: '2010-01-01',
        },
        sidstOpdateret: '2026-11-29T18:00:00.000+01:00',
      },
    };
    lines.push(JSON.stringify(doc));
    if (lines.length === 1000) {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
  return fs.statSync(file).size;
}
