/**
 * A realistic case for the document tests and the rendered pictures in docs/: a farm shop in
 * Favrskov visited on 3 October 2011, referred to Væksthus Midtjylland, with a LAG application,
 * a knowledge contact and a network. Created through the API like the UI would; the visit through
 * the visits repository.
 */
import { execFileSync } from 'node:child_process';
import type { Company } from '../../src-main/core/companies/schema';
import type { LagApplication } from '../../src-main/core/lag/lag-schema';
import type { Referral } from '../../src-main/core/referrals/referral-schema';
import { encodePng } from '../../src-main/core/report/bar-chart-png';
import { createVisit } from '../../src-main/core/visits/visit-repo';
import { visitCreateSchema } from '../../src-main/core/visits/visit-schema';
import type { TestStore } from './temp-db';

export const LETTER_DATE = '2011-10-17';

/** An RGB PNG drawn pixel by pixel, for a letterhead logo without an image library. */
export function makePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgb.set(pixel(x, y), (y * width + x) * 3);
  }
  return encodePng(width, height, rgb);
}

/** Two interlocking rings, Bindeled's "link", in the letterhead's blue and green. */
export function sampleLogo(): Buffer {
  const w = 360;
  const h = 120;
  const ring = (x: number, y: number, cx: number, cy: number) => {
    const d = Math.hypot(x - cx, y - cy);
    return d > 30 && d < 44;
  };
  return makePng(w, h, (x, y) => {
    if (ring(x, y, 60, 60)) return [31, 78, 121];
    if (ring(x, y, 112, 60)) return [76, 140, 74];
    if (x > 170 && x < 350 && ((y > 38 && y < 50) || (y > 70 && y < 82)) && x < 170 + (y < 60 ? 180 : 130))
      return [31, 78, 121];
    return [255, 255, 255];
  });
}

export async function orgId(store: TestStore, name: string): Promise<number> {
  const orgs = (await store.call('reference.organisations')) as Array<{ id: number; name: string }>;
  const found = orgs.find((o) => o.name === name);
  if (!found) throw new Error(`organisation ${name} missing`);
  return found.id;
}

export async function setLetterhead(store: TestStore, withLogo = true): Promise<void> {
  await store.call('settings.update', {
    'letterhead.organisation': 'Favrskov Erhverv',
    'letterhead.address': 'Torvet 3, 8370 Hadsten',
    'letterhead.phone': '89 64 10 00',
    'letterhead.email': 'erhverv@favrskov.dk',
    'letterhead.signatureName': 'Anne Kjær',
    'letterhead.signatureTitle': 'Erhvervskonsulent, landdistrikter',
    'letterhead.signaturePhone': '89 64 10 42',
    'letterhead.signatureEmail': 'ank@favrskov.dk',
  });
  if (withLogo) await store.call('documents.setLogo', { base64: sampleLogo().toString('base64') });
}

export interface SampleCase {
  company: Company;
  contactId: number;
  referral: Referral;
  lag: LagApplication;
  visitId: number;
}

/** Records the visit through the visits repository, as the visit form does. */
function addVisit(store: TestStore, companyId: number, contactId: number, consultantId: number): number {
  const saved = createVisit(
    store.db,
    visitCreateSchema.parse({
      companyId,
      date: '2011-10-03',
      startTime: '10:00',
      durationMinutes: 90,
      type: 'visit',
      consultantId,
      participantIds: [contactId],
      location: 'Gården, Ådalsvej 12',
      businessDescription:
        'Gårdbutik med egne æbler, most og hjemmelavet syltetøj. To fastansatte og sæsonhjælp i høsten.',
      needs: ['sales_marketing', 'product_development', 'financing', 'digitalisation'],
      needsText: 'Ønsker at sælge til butikker i Aarhus og via en webshop; mangler kølekapacitet og pakkeri.',
      potential: 4,
      adviceGiven: true,
      nextSteps: 'Anne sender materiale om LAG-puljen. Mette indhenter tilbud på kølerum og ombygning af laden.',
      notes: 'Privat note, som ikke må komme med i breve',
      followups: [
        { title: 'Send materiale om LAG-puljen', dueDate: '2011-10-10' },
        { title: 'Gennemgå tilbud på kølerum', dueDate: '2011-11-01' },
      ],
    }),
  );
  return saved.visit.id;
}

export async function seedCase(store: TestStore): Promise<SampleCase> {
  const company = (await store.call('companies.create', {
    name: 'Ådalens Gårdbutik ApS',
    cvr: '13748136',
    pNumber: '1012345678',
    legalForm: 'aps',
    address: 'Ådalsvej 12',
    postcode: '8370',
    city: 'Hadsten',
    kommuneCode: 710,
    industryCode: '47.29.00',
    employees: 2,
    founded: '2009-04-01',
    website: 'www.aadalens-gaardbutik.dk',
  })) as Company;
  const contact = (await store.call('contacts.create', {
    companyId: company.id,
    name: 'Mette Østergaard',
    role: 'Ejer og direktør',
    phone: '22 33 44 55',
    email: 'mette@aadalens-gaardbutik.dk',
    isOwner: true,
  })) as { id: number };
  const consultant = (await store.call('consultants.ensure', { name: 'Anne Kjær' })) as { id: number };
  const visitId = addVisit(store, company.id, contact.id, consultant.id);
  store.db
    .prepare("UPDATE organisations SET address = 'Birk Centerpark 40', postcode = '7400' WHERE name = ?")
    .run('Væksthus Midtjylland');
  await store.call('knowledge.create', {
    companyId: company.id,
    organisationId: await orgId(store, 'Aarhus Universitet, AU Foulum'),
    personName: 'Lektor Jens Bæk',
    type: 'researcher',
    contactOn: '2011-09-20',
    topic: 'holdbarhed af most uden tilsætningsstoffer',
    outcome: 'Forsøg aftalt i foråret',
  });
  const network = (await store.call('networks.create', {
    name: 'Fødevarenetværk Favrskov',
    theme: 'Lokale fødevarer',
    foundedOn: '2011-05-02',
    facilitator: 'Anne Kjær',
    kommuneCode: 710,
  })) as { id: number };
  await store.call('networks.addMember', { networkId: network.id, companyId: company.id, joinedOn: '2011-06-01' });
  const lag = (await store.call('lag.create', {
    companyId: company.id,
    lagId: await orgId(store, 'LAG Randers-Favrskov'),
    contactId: contact.id,
    title: 'Kølerum, pakkeri og webshop i Ådalens Gårdbutik',
    theme: 'Erhvervsudvikling og lokale fødevarer',
    purpose: 'At gøre gårdbutikken i stand til at levere æbler, most og syltetøj til butikker i Østjylland hele året.',
    activities:
      'Ombygning af laden til pakkeri.\nIndretning af kølerum.\nEn webshop med afhentning og levering i lokalområdet.',
    effectJobs: 1.5,
    effectTurnoverOre: 45_000_000,
    effectProducts: 'Most og syltetøj i gaveæsker; abonnement på frugtkasser',
    periodStart: '2012-03-01',
    periodEnd: '2012-12-31',
    foodProcessing: true,
    grantRequestedOre: 23_874_180,
    ownCashOre: 30_999_270,
    ownHours: 120,
    ownHoursOre: 3_600_000,
    otherPublicOre: 1_212_000,
    otherPublicSource: 'Favrskov Kommunes landdistriktspulje',
    deMinimisPriorOre: 0,
    deadline: '2012-02-15',
    annexes: ['Forretningsplan 2012–2014', 'Tre tilbud', 'Årsregnskab 2010'],
    budget: [
      {
        category: 'Bygning',
        description: 'Ombygning af lade til pakkeri',
        supplier: 'Tømrer Hansen ApS',
        amountOre: 31_200_000,
        quoteRef: 'T-2011-114',
      },
      {
        category: 'Udstyr',
        description: 'Kølerum 12 m³',
        supplier: 'KøleTeknik Jylland',
        amountOre: 14_850_000,
        quoteRef: 'KT-88',
      },
      {
        category: 'Udstyr',
        description: 'Pakkebord og vægt',
        supplier: 'Storkøkken Øst',
        amountOre: 5_400_000,
        quoteRef: 'SØ-17',
      },
      {
        category: 'Markedsføring',
        description: 'Webshop og fotos',
        supplier: 'Webværkstedet',
        amountOre: 8_112_000,
        quoteRef: 'WV-17',
      },
      { category: 'Gebyrer', description: 'Byggetilladelse', supplier: 'Favrskov Kommune', amountOre: 123_450 },
    ],
  })) as LagApplication;
  // As if the idea was written down two days after the visit, not on the day the test runs.
  store.db.prepare("UPDATE lag_applications SET created_at = '2011-10-05T09:00:00Z' WHERE id = ?").run(lag.id);
  const schemes = (await store.call('schemes.list')) as Array<{ id: number; code: string }>;
  const referral = (await store.call('referrals.create', {
    companyId: company.id,
    organisationId: await orgId(store, 'Væksthus Midtjylland'),
    contactId: contact.id,
    schemeId: schemes.find((x) => x.code === 'vaeksthus_specialraadgivning')?.id,
    caseRef: 'FAV-2011-042',
    reason:
      'Virksomheden vil udvide fra gårdsalg til salg gennem detailhandlen og har brug for specialiseret rådgivning om ' +
      'afsætning og prissætning.',
    needs: ['sales_marketing', 'product_development', 'financing'],
    needsText: 'Markedsanalyse for Østjylland, prisstrategi og en plan for finansiering af kølerum og pakkeri.',
    background:
      'Kontakten opstod på et informationsmøde i Hadsten forsamlingshus. Gårdbutikken har drevet salg fra gården ' +
      'siden 2009 og har en stabil lokal kundekreds.',
    firstContactOn: '2011-09-12',
    localActions: 'Konsulenten har hjulpet med en skitse til forretningsplanen.',
    requestedAction:
      'Vi beder Væksthus Midtjylland vurdere virksomhedens vækstplan og muligheden for tilskud til køb af ' +
      'specialiseret rådgivning om afsætning.',
    consentOn: '2011-10-14',
    annexes: ['Skitse til forretningsplan', 'Besøgsreferat af 3. oktober 2011'],
  })) as Referral;
  return { company, contactId: contact.id, referral, lag, visitId };
}

/**
 * The XML parts of a .docx, unzipped with yauzl as any reader would: document, headers, footers
 * (or the parts `parts` names).
 */
export async function readDocx(
  file: string,
  parts: RegExp = /^word\/(document|header\d*|footer\d*)\.xml$/,
): Promise<Map<string, string>> {
  const yauzl = await import('yauzl');
  const fs = await import('node:fs');
  const buffer = fs.readFileSync(file);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const found = new Map<string, string>();
      zip.on('entry', (entry: { fileName: string }) => {
        if (!parts.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry as never, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The text a reader sees in an XML part: runs joined, tags dropped, entities decoded. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function docxText(file: string): Promise<{ body: string; all: string; xml: string }> {
  const parts = await readDocx(file);
  const xml = [...parts.values()].join('\n');
  return { body: xmlText(parts.get('word/document.xml') ?? ''), all: xmlText(xml), xml };
}

/** The paragraphs of a .docx (body and table cells) as python-docx reads them (a real reader of the format). */
export function docxParagraphs(file: string): string[] {
  const out = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      'import sys,docx,json\nd=docx.Document(sys.argv[1])\nps=[p.text for p in d.paragraphs]\nfor t in d.tables:\n  for r in t.rows:\n    for c in r.cells:\n      ps+=[p.text for p in c.paragraphs]\nfor s in d.sections:\n  ps+=[p.text for p in s.header.paragraphs]+[p.text for p in s.footer.paragraphs]\nprint(json.dumps(ps))',
      file,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}
