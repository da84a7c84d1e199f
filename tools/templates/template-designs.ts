import { AlignmentType, Document, Packer, type Paragraph, type Table } from 'docx';
import type { DocumentKind } from '../../src-main/core/documents/document-schema';
import {
  addressBlock,
  bulletRows,
  DOCUMENT_STYLES,
  gridTable,
  heading,
  labelTable,
  letterheadFooters,
  letterheadHeaders,
  MUTED,
  needsChecklist,
  PAGE,
  para,
  repeatTable,
  signature,
  spacer,
  title,
} from './blocks';

type Block = Paragraph | Table;

const companyRows: Array<[string, string]> = [
  ['Navn', '{{company_name}}'],
  ['CVR-nr.', '{{company_cvr}}'],
  ['P-nr.', '{{company_pnumber}}'],
  ['Adresse', '{{company_address}}'],
  ['Kommune', '{{company_kommune}}'],
  ['Branche (DB07)', '{{company_industry}}'],
  ['Virksomhedsform', '{{company_legal_form}}'],
  ['Stiftet', '{{company_founded}}'],
  ['Antal ansatte', '{{company_employees}}'],
  ['Hjemmeside', '{{company_website}}'],
];

const contactRows: Array<[string, string]> = [
  ['Navn', '{{contact_name}}'],
  ['Stilling', '{{contact_role}}'],
  ['Telefon', '{{contact_phone}}'],
  ['E-mail', '{{contact_email}}'],
];

const right = (label: string, value: string) =>
  para([{ text: label, color: MUTED }, value], { alignment: AlignmentType.RIGHT, spacing: { after: 0 } });

function referralLetter(): Block[] {
  return [
    addressBlock(
      [
        para([{ text: '{{recipient_name}}', bold: true }], { spacing: { after: 0 } }),
        para('{{recipient_address}}', { spacing: { after: 0 } }),
      ],
      [
        right('Dato: ', '{{letter_date}}'),
        right('Sagsnr.: ', '{{case_ref}}'),
        right('Henvisende kommune: ', '{{sender_kommune}}'),
      ],
    ),
    spacer(280),
    ...title(['Henvisning: ', '{{company_name}}'], 'Henvisning af virksomhed til specialiseret rådgivning'),
    para(['Hermed henviser vi ', { text: '{{company_name}}', bold: true }, ' til ', '{{recipient_name}}', '.']),
    heading('Årsag til henvisningen'),
    para('{{reason}}'),
    heading('Virksomheden'),
    labelTable(companyRows),
    heading('Kontaktperson'),
    labelTable(contactRows),
    para([{ text: '{{consent_line}}', italics: true }], { spacing: { before: 100 } }),
    heading('Baggrund'),
    para([{ text: 'Første kontakt: ', bold: true }, '{{first_contact}}']),
    para('{{background}}'),
    heading('Virksomhedens behov'),
    needsChecklist(),
    para('{{needs_text}}', { spacing: { before: 100 } }),
    heading('Indsats lokalt'),
    repeatTable([
      { header: 'Dato', cell: '{{local.date}}', share: 0.18 },
      { header: 'Aktivitet', cell: '{{local.text}}', share: 0.82 },
    ]),
    para('{{local_actions}}', { spacing: { before: 100 } }),
    heading('Ønsket handling'),
    para('{{requested_action}}'),
    para([{ text: 'Relevant støtteordning: ', bold: true }, '{{scheme_name}}']),
    heading('Bilag'),
    bulletRows('{{annexes.text}}'),
    ...signature(),
  ];
}

function lagDraft(): Block[] {
  return [
    ...title('Udkast til LAG-ansøgning', ['{{project_title}}']),
    para(
      [
        {
          text:
            'Udkastet er grundlag for ansøgningen, der indsendes i myndighedens ansøgningsportal. Projektet må ikke ' +
            'påbegyndes, før LAG har modtaget ansøgningen.',
          italics: true,
          color: MUTED,
        },
      ],
      { spacing: { after: 160 } },
    ),
    labelTable([
      ['Udarbejdet', '{{letter_date}}'],
      ['Konsulent', '{{signature_name}}'],
      ['Kontakt', '{{signature_contact}}'],
      ['LAG', '{{lag_name}}'],
      ['Indsatsområde', '{{lag_theme}}'],
      ['Støtteordning', '{{scheme_name}}'],
      ['Ansøgningsfrist', '{{deadline}}'],
      ['Projektperiode', '{{period}}'],
    ]),
    heading('Bemærkninger før indsendelse'),
    bulletRows('{{checks.text}}'),
    heading('1. Ansøger'),
    labelTable(companyRows),
    heading('2. Kontaktperson'),
    labelTable(contactRows),
    heading('3. Projektets formål'),
    para('{{purpose}}'),
    heading('4. Aktiviteter'),
    para('{{activities}}'),
    heading('5. Forventede effekter'),
    labelTable([
      ['Nye arbejdspladser', '{{effect_jobs}}'],
      ['Øget omsætning', '{{effect_turnover}}'],
      ['Nye produkter/ydelser', '{{effect_products}}'],
      ['Andre effekter', '{{effect_other}}'],
    ]),
    heading('6. Budget'),
    repeatTable(
      [
        { header: 'Kategori', cell: '{{budget.category}}', share: 0.16 },
        { header: 'Beskrivelse', cell: '{{budget.description}}', share: 0.3 },
        { header: 'Leverandør', cell: '{{budget.supplier}}', share: 0.2 },
        { header: 'Tilbud', cell: '{{budget.quote}}', share: 0.14 },
        { header: 'Beløb', cell: '{{budget.amount}}', share: 0.2, align: 'right' },
      ],
      { label: 'Støtteberettigede udgifter i alt', cells: [[{ text: '{{budget_total}}', bold: true }]] },
    ),
    para('Fordelt på kategorier:', { spacing: { before: 160 } }),
    repeatTable([
      { header: 'Kategori', cell: '{{categories.name}}', share: 0.5 },
      { header: 'Beløb', cell: '{{categories.amount}}', share: 0.3, align: 'right' },
      { header: 'Andel', cell: '{{categories.share}}', share: 0.2, align: 'right' },
    ]),
    heading('7. Finansiering'),
    gridTable(
      [
        { header: 'Finansieringskilde', share: 0.5 },
        { header: 'Beløb', share: 0.3, align: 'right' },
        { header: 'Andel', share: 0.2, align: 'right' },
      ],
      [
        ['Ansøgt tilskud fra LAG', '{{fin_grant}}', '{{fin_grant_share}}'],
        ['Egen kontant finansiering', '{{fin_own_cash}}', '{{fin_own_cash_share}}'],
        [['Eget arbejde (', '{{fin_own_hours_count}}', ')'], '{{fin_own_hours}}', '{{fin_own_hours_share}}'],
        [
          ['Anden offentlig medfinansiering (', '{{fin_other_public_source}}', ')'],
          '{{fin_other_public}}',
          '{{fin_other_public_share}}',
        ],
      ],
      { label: 'Finansiering i alt', cells: [[{ text: '{{fin_total}}', bold: true }], '{{fin_total_share}}'] },
    ),
    para(
      [
        { text: 'Tilskudsandel: ', bold: true },
        '{{fin_grant_share}}',
        ' af de støtteberettigede udgifter (ordningens maksimum: ',
        '{{max_share}}',
        ').',
      ],
      { spacing: { before: 120 } },
    ),
    heading('8. De minimis-erklæring'),
    para('{{de_minimis}}'),
    heading('9. Bilag'),
    bulletRows('{{annexes.text}}'),
  ];
}

function visitSummary(): Block[] {
  return [
    addressBlock(
      [
        para([{ text: '{{company_name}}', bold: true }], { spacing: { after: 0 } }),
        para(['Att.: ', '{{contact_name}}'], { spacing: { after: 0 } }),
        para('{{company_address}}', { spacing: { after: 0 } }),
      ],
      [right('Dato: ', '{{letter_date}}'), right('CVR-nr.: ', '{{company_cvr}}')],
    ),
    spacer(280),
    ...title(['Referat: ', '{{visit_type}}', ' den ', '{{visit_date}}']),
    para(['Kære ', '{{contact_name}}']),
    para(
      'Tak for en god snak. Her er et kort referat af, hvad vi talte om, og hvad vi aftalte. Skriv eller ring, ' +
        'hvis noget skal rettes.',
    ),
    labelTable([
      ['Dato', '{{visit_date}}'],
      ['Tidspunkt', '{{visit_time}}'],
      ['Sted', '{{visit_location}}'],
      ['Deltagere', '{{participants}}'],
      ['Konsulent', '{{consultant_name}}'],
    ]),
    heading('Virksomheden i dag'),
    para('{{business_description}}'),
    heading('Behov'),
    needsChecklist(),
    para('{{needs_text}}', { spacing: { before: 100 } }),
    heading('Vurdering'),
    labelTable([
      ['Udviklingspotentiale', '{{potential}}'],
      ['Rådgivning givet', '{{advice_given}}'],
    ]),
    heading('Aftalte næste skridt'),
    para('{{next_steps}}'),
    heading('Opfølgning'),
    repeatTable([
      { header: 'Frist', cell: '{{followups.due}}', share: 0.2 },
      { header: 'Hvad', cell: '{{followups.title}}', share: 0.8 },
    ]),
    ...signature(),
  ];
}

function deMinimisDeclaration(): Block[] {
  return [
    addressBlock(
      [
        para([{ text: '{{company_name}}', bold: true }], { spacing: { after: 0 } }),
        para('{{company_address}}', { spacing: { after: 0 } }),
      ],
      [right('Dato: ', '{{letter_date}}'), right('CVR-nr.: ', '{{company_cvr}}')],
    ),
    spacer(280),
    ...title('Erklæring om de minimis-støtte', ['Pr. ', '{{dm_date}}']),
    para(
      'Støtte som de minimis-støtte må kun gives, hvis virksomheden (den fælles enhed, som virksomheden ' +
        'indgår i) ikke med støtten kommer over loftet. Virksomheden erklærer herunder, hvilken de minimis-støtte ' +
        'den har modtaget i perioden.',
    ),
    labelTable([
      ['Virksomhed', '{{company_name}}'],
      ['CVR-nr.', '{{company_cvr}}'],
      ['Regel', '{{dm_rule}}'],
      ['Periode', '{{dm_window}}'],
      ['Modtaget i perioden', '{{dm_counted}}'],
      ['Plads til mere støtte', '{{dm_headroom}}'],
    ]),
    heading('Modtaget de minimis-støtte'),
    repeatTable([
      { header: 'Tildelt', cell: '{{aid.date}}', share: 0.2 },
      { header: 'Støttegiver', cell: '{{aid.grantor}}', share: 0.28 },
      { header: 'Ordning', cell: '{{aid.scheme}}', share: 0.22 },
      { header: 'EUR', cell: '{{aid.eur}}', share: 0.15 },
      { header: 'Kr.', cell: '{{aid.dkk}}', share: 0.15 },
    ]),
    para('{{dm_rate_note}}', { spacing: { before: 100 } }),
    heading('Erklæring'),
    para(
      'Virksomheden erklærer, at listen ovenfor er fuldstændig, og at den ikke har modtaget anden de minimis-støtte ' +
        'i perioden. Støtte, der ikke står på listen, er tilføjet herunder.',
    ),
    para('_______________________________________________________________', { spacing: { before: 200 } }),
    para('_______________________________________________________________', { spacing: { before: 200 } }),
    heading('Underskrift'),
    labelTable([
      ['Dato', ''],
      ['Navn', ''],
      ['Underskrift', ''],
    ]),
  ];
}

function freeLetter(): Block[] {
  return [
    addressBlock(
      [
        para([{ text: '{{recipient_name}}', bold: true }], { spacing: { after: 0 } }),
        para('{{recipient_address}}', { spacing: { after: 0 } }),
      ],
      [right('Dato: ', '{{letter_date}}')],
    ),
    spacer(280),
    ...title('{{subject}}'),
    para('{{body}}'),
    ...signature(),
  ];
}

const BODIES: Record<DocumentKind, () => Block[]> = {
  vaeksthus: referralLetter,
  lag: lagDraft,
  'visit-summary': visitSummary,
  deminimis: deMinimisDeclaration,
  brev: freeLetter,
};

/** Builds a shipped template as .docx bytes with `docx` itself. */
export async function buildTemplate(kind: DocumentKind): Promise<Buffer> {
  const body = BODIES[kind]();
  const doc = new Document({
    creator: 'Bindeled',
    title: 'Bindeled-skabelon',
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: 1300, bottom: 1000, left: PAGE.margin, right: PAGE.margin, header: 500, footer: 450 },
          },
        },
        headers: letterheadHeaders(),
        footers: letterheadFooters(),
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
