import type { NeedKey } from '../../src-shared/codes/visits';
import type { Random } from '../generate/random';

/**
 * What a consultant writes about a firm of each trade, in the order of `TRADES`
 * (tools/generate/danish-names.ts): a smithy's notes speak of steel and welding, never of food
 * approval. A test checks that the two lists have the same length.
 */
interface TradeText {
  business: readonly string[];
  needs: ReadonlyArray<{ text: string; keys: readonly NeedKey[] }>;
  lag: { title: string; activities: string; budget: ReadonlyArray<[category: string, description: string]> };
}

export const TRADE_TEXT: readonly TradeText[] = [
  {
    business: [
      'Gårdbutik med egne grøntsager, æg og kød; sælger også på torvedage i oplandet.',
      'Familien driver gårdbutik og selvbetjeningsbod ved landevejen.',
    ],
    needs: [
      { text: 'Vil have en webshop og bedre skiltning ved vejen.', keys: ['sales_marketing', 'digitalisation'] },
      { text: 'Overvejer kølerum og pakkeri for at kunne levere til lokale supermarkeder.', keys: ['financing'] },
    ],
    lag: {
      title: 'Kølerum og pakkeri til gårdbutikken',
      activities: 'Ombygning af lade til kølerum og pakkeri; indkøb af køleanlæg og vægt; ny skiltning.',
      budget: [
        ['Bygning', 'Ombygning af lade til kølerum'],
        ['Udstyr', 'Køleanlæg og etiketvægt'],
        ['Markedsføring', 'Skilte og hjemmeside'],
      ],
    },
  },
  {
    business: [
      'Smedje med to ansatte; svejser stålkonstruktioner og reparerer landbrugsmaskiner.',
      'Landsbysmed med lager af stål; laver rækværk, porte og reparationer for landbruget.',
    ],
    needs: [
      {
        text: 'Overvejer en CNC-plasmaskærer for at kunne tage større ordrer.',
        keys: ['financing', 'product_development'],
      },
      { text: 'Ejeren er 62 år og tænker på, hvem der skal overtage smedjen.', keys: ['generational_change'] },
    ],
    lag: {
      title: 'CNC-plasmaskærer til smedjen',
      activities:
        'Indkøb og installation af CNC-plasmaskærer; oplæring af to ansatte; udvikling af nyt rækværksprogram.',
      budget: [
        ['Maskiner', 'CNC-plasmaskærer med udsugning'],
        ['Kompetencer', 'Oplæring i programmering'],
        ['Produktudvikling', 'Prototyper til nyt rækværksprogram'],
      ],
    },
  },
  {
    business: [
      'Bed & breakfast med seks værelser; travl om sommeren, stille om vinteren.',
      'Gæstehus i en ombygget skole; gæsterne er cykelturister og håndværkere.',
    ],
    needs: [
      {
        text: 'Vil forlænge sæsonen med pakketilbud sammen med lokale spisesteder.',
        keys: ['sales_marketing', 'networks'],
      },
      { text: 'Mangler online booking og bedre synlighed på bookingportaler.', keys: ['digitalisation'] },
    ],
    lag: {
      title: 'Flere værelser og vinterpakker',
      activities:
        'Indretning af to nye værelser med bad; udvikling af vinterpakker med lokale partnere; online booking.',
      budget: [
        ['Bygning', 'Indretning af to værelser med bad'],
        ['Markedsføring', 'Vinterpakker og bookingsystem'],
      ],
    },
  },
  {
    business: [
      'Gårdmejeri der laver ost og yoghurt af egen mælk; sælger til delikatesser.',
      'Lille osteri med modningsrum; leverer til restauranter i regionen.',
    ],
    needs: [
      { text: 'Ny ost kræver fødevaregodkendelse af et udvidet produktionslokale.', keys: ['product_development'] },
      { text: 'Vil sælge til butikker i Tyskland og mangler viden om eksport.', keys: ['export', 'sales_marketing'] },
    ],
    lag: {
      title: 'Modningsrum og ny ost',
      activities: 'Etablering af modningsrum; udvikling og godkendelse af ny hvidskimmelost; smagninger i butikker.',
      budget: [
        ['Bygning', 'Modningsrum med klimastyring'],
        ['Produktudvikling', 'Forsøgsproduktion og analyser'],
        ['Markedsføring', 'Smagninger og emballage'],
      ],
    },
  },
  {
    business: [
      'Mikrobryggeri i en tidligere kostald; brygger otte øl og sælger fra gårdbutik.',
      'Bryghus med udskænkning i weekenden og salg til lokale købmænd.',
    ],
    needs: [
      { text: 'Vil udvide med tapperi for at kunne levere til supermarkedskæder.', keys: ['financing'] },
      { text: 'Ønsker rundvisninger og ølsmagning for turister.', keys: ['sales_marketing', 'networks'] },
    ],
    lag: {
      title: 'Tapperi og besøgsbryggeri',
      activities: 'Indkøb af tappeanlæg; indretning af smagelokale; rundvisninger for turister.',
      budget: [
        ['Maskiner', 'Tappe- og etiketteringsanlæg'],
        ['Bygning', 'Smagelokale'],
      ],
    },
  },
  {
    business: [
      'Tømrerfirma med to svende og en lærling; mest renovering af ældre huse.',
      'Tømrer og snedker med eget værksted; laver køkkener og vinduer på mål.',
    ],
    needs: [
      { text: 'Vil tilbyde energirenovering og mangler efteruddannelse.', keys: ['competences'] },
      {
        text: 'Har brug for en forretningsplan før banken vil finansiere en ny varebil og maskiner.',
        keys: ['business_plan', 'financing'],
      },
    ],
    lag: {
      title: 'Snedkerværksted til vinduer på mål',
      activities: 'Indkøb af CNC-fræser; efteruddannelse i energirenovering; markedsføring over for husejere.',
      budget: [
        ['Maskiner', 'CNC-fræser til vinduesprofiler'],
        ['Kompetencer', 'Kursus i energirenovering'],
      ],
    },
  },
  {
    business: [
      'Maskinstation med sæsonarbejde for landmænd i området.',
      'Maskinstation og entreprenør; graver, kloakerer og rydder sne.',
    ],
    needs: [
      { text: 'Overvejer at udvide med entreprenøropgaver for kommunen.', keys: ['business_plan'] },
      { text: 'Vil dele maskiner med to naboer og søger et netværk.', keys: ['networks'] },
    ],
    lag: {
      title: 'Ny forretning med kloak og dræn',
      activities: 'Indkøb af gravemaskine med GPS; kloakmesterkursus; tilbud til kommuner og grundejere.',
      budget: [
        ['Maskiner', 'Gravemaskine med GPS-styring'],
        ['Kompetencer', 'Kloakmesteruddannelse'],
      ],
    },
  },
  {
    business: [
      'Keramikværksted med butik; sælger brugskunst til turister og gallerier.',
      'Kunsthåndværker med værksted og kurser for børn og voksne.',
    ],
    needs: [
      { text: 'Vil sælge i webshop og på kunsthåndværkermarkeder i udlandet.', keys: ['sales_marketing', 'export'] },
      {
        text: 'Ønsker en større ovn for at kunne tage ordrer fra restauranter.',
        keys: ['financing', 'product_development'],
      },
    ],
    lag: {
      title: 'Større ovn og kursuslokale',
      activities: 'Indkøb af ovn; indretning af kursuslokale; kurser for turister i sommerhalvåret.',
      budget: [
        ['Udstyr', 'Keramikovn'],
        ['Bygning', 'Kursuslokale'],
        ['Markedsføring', 'Webshop'],
      ],
    },
  },
  {
    business: [
      'Frugtplantage med æbler og pærer; presser most og sælger fra gården.',
      'Æbleplantage med 40 sorter; plukkedage for familier om efteråret.',
    ],
    needs: [
      { text: 'Vil lave cider og mangler viden om produktion og godkendelse.', keys: ['product_development'] },
      { text: 'Ønsker at sælge most til caféer og skoler i kommunen.', keys: ['sales_marketing'] },
    ],
    lag: {
      title: 'Mosteri og cideri',
      activities: 'Indkøb af presse og pasteur; udvikling af cider; salg til lokale caféer.',
      budget: [
        ['Maskiner', 'Frugtpresse og pasteuriseringsanlæg'],
        ['Produktudvikling', 'Udvikling af cider'],
      ],
    },
  },
  {
    business: [
      'Autoværksted med to lifte; service og reparation for hele sognet.',
      'Lille autoværksted med dækhotel og brugtvognssalg.',
    ],
    needs: [
      { text: 'Vil kunne servicere elbiler og mangler uddannelse og udstyr.', keys: ['competences', 'financing'] },
      { text: 'Overvejer generationsskifte til en ansat mekaniker.', keys: ['generational_change'] },
    ],
    lag: {
      title: 'Værksted klar til elbiler',
      activities: 'Efteruddannelse i højvoltsystemer; indkøb af diagnoseudstyr og ladestander.',
      budget: [
        ['Kompetencer', 'Højvoltkursus for to mekanikere'],
        ['Udstyr', 'Diagnoseudstyr og ladestander'],
      ],
    },
  },
  {
    business: [
      'Landbageri med butik; bager surdejsbrød af lokalt korn.',
      'Bageri i landsbyen; leverer brød til købmanden og forsamlingshuset.',
    ],
    needs: [
      { text: 'Vil åbne udsalg i nabobyen og mangler finansiering til en ny ovn.', keys: ['financing'] },
      { text: 'Ønsker at sælge mel og brød under fælles lokalt mærke.', keys: ['networks', 'sales_marketing'] },
    ],
    lag: {
      title: 'Stenovn og udsalg i nabobyen',
      activities: 'Indkøb af stenovn; indretning af udsalg; samarbejde med lokale kornavlere.',
      budget: [
        ['Udstyr', 'Stenovn'],
        ['Bygning', 'Indretning af udsalg'],
      ],
    },
  },
  {
    business: [
      'Rideskole med 14 heste og ridehal; undervisning for børn fra hele kommunen.',
      'Hestepension med 20 bokse og udendørs bane.',
    ],
    needs: [
      { text: 'Vil tilbyde rideferie og mangler overnatning og markedsføring.', keys: ['sales_marketing'] },
      { text: 'Ridehallen skal renoveres; har brug for en plan for økonomien.', keys: ['business_plan', 'financing'] },
    ],
    lag: {
      title: 'Rideferie for familier',
      activities: 'Indretning af shelters og køkken; udvikling af rideferiepakker; markedsføring.',
      budget: [
        ['Bygning', 'Shelters og fælleskøkken'],
        ['Markedsføring', 'Rideferiepakker og hjemmeside'],
      ],
    },
  },
  {
    business: [
      'Landkro med 12 værelser og selskabslokaler; mange lokale fester.',
      'Café ved havnen; åben hele året med frokost og kaffe.',
    ],
    needs: [
      {
        text: 'Vil lave menu af lokale råvarer og samarbejde med producenter.',
        keys: ['networks', 'product_development'],
      },
      { text: 'Mangler personale med køkkenuddannelse.', keys: ['competences'] },
    ],
    lag: {
      title: 'Lokale råvarer på kroen',
      activities: 'Nyt køkkenudstyr; samarbejde med lokale producenter; madfestival i foråret.',
      budget: [
        ['Udstyr', 'Køkkenudstyr'],
        ['Markedsføring', 'Madfestival'],
      ],
    },
  },
  {
    business: [
      'Webbureau med tre ansatte; laver hjemmesider for håndværkere og foreninger.',
      'IT-service for små virksomheder; netværk, backup og support.',
    ],
    needs: [
      { text: 'Vil sælge abonnement på drift og mangler en forretningsmodel.', keys: ['business_plan'] },
      { text: 'Ønsker kunder uden for regionen og hjælp til salg.', keys: ['sales_marketing'] },
    ],
    lag: {
      title: 'Digital hjælp til landsbyens virksomheder',
      activities: 'Udvikling af driftsabonnement; workshops for lokale virksomheder; kontor i landsbyen.',
      budget: [
        ['Produktudvikling', 'Driftsplatform'],
        ['Markedsføring', 'Workshops'],
      ],
    },
  },
  {
    business: [
      'Fiskeri med to både; sælger fangsten fra havnen.',
      'Røgeri ved havnen; røger sild, laks og ål og sælger fra egen butik.',
    ],
    needs: [
      {
        text: 'Vil forarbejde fisken selv og mangler fødevaregodkendelse af et nyt lokale.',
        keys: ['product_development'],
      },
      { text: 'Ønsker at sælge på nettet til kunder i hele landet.', keys: ['digitalisation', 'sales_marketing'] },
    ],
    lag: {
      title: 'Nyt røgeri og salg fra havnen',
      activities: 'Etablering af røgeovn og kølerum; butik ved havnen; salg på nettet.',
      budget: [
        ['Udstyr', 'Røgeovn og kølerum'],
        ['Bygning', 'Butik ved havnen'],
      ],
    },
  },
  {
    business: [
      'Gartneri med væksthuse; dyrker tomater og krydderurter.',
      'Planteskole med stauder og frugttræer; salg til private og anlægsgartnere.',
    ],
    needs: [
      {
        text: 'Vil spare energi i væksthusene og mangler viden om varmepumper.',
        keys: ['product_development', 'financing'],
      },
      { text: 'Ønsker at levere direkte til restauranter og madkasser.', keys: ['sales_marketing', 'networks'] },
    ],
    lag: {
      title: 'Energivenligt væksthus',
      activities: 'Varmepumpe og gardiner i væksthuset; forsøg med nye krydderurter; salg til restauranter.',
      budget: [
        ['Udstyr', 'Varmepumpe og energigardiner'],
        ['Produktudvikling', 'Forsøg med nye afgrøder'],
      ],
    },
  },
];

const OPENINGS = [
  'Første besøg hos indehaveren på adressen.',
  'Telefonisk opfølgning på sidste møde.',
  'Mødtes med ejeren i forsamlingshuset.',
  'Kort besøg sammen med den lokale erhvervskonsulent.',
  'Opfølgende møde om de aftalte punkter.',
];
const NEXT = [
  'Sender materiale om Væksthusets rådgivningsordning.',
  'Aftalt nyt møde om en måned.',
  'Formidler kontakt til en relevant videnperson.',
  'Konsulenten undersøger mulighederne for LAG-støtte.',
  'Ejeren vender tilbage, når regnskabet er klar.',
];

export function tradeText(trade: number): TradeText {
  const t = TRADE_TEXT[trade % TRADE_TEXT.length];
  if (!t) throw new Error('no trade text');
  return t;
}

/** A visit's texts, and the needs recorded with it, fitting the firm's trade. */
export function visitNote(
  rng: Random,
  trade: number,
): { description: string; needs: string; needKeys: readonly NeedKey[]; nextSteps: string; notes: string } {
  const t = tradeText(trade);
  const description = rng.pick(t.business);
  const need = rng.pick(t.needs);
  const nextSteps = rng.pick(NEXT);
  return {
    description,
    needs: need.text,
    needKeys: need.keys,
    nextSteps,
    notes: `${rng.pick(OPENINGS)} ${description} ${need.text} ${nextSteps}`,
  };
}

export const REFERRAL_REASONS = [
  'Behov for specialiseret rådgivning om finansiering af udvidelse.',
  'Ønsker sparring om eksport til Tyskland.',
  'Har brug for hjælp til forretningsudvikling og strategi.',
  'Skal have vurderet mulighederne for produktudvikling.',
];
export const KNOWLEDGE_TOPICS = ['Produktudvikling', 'Fødevaresikkerhed', 'Digital markedsføring', 'Energi', 'Eksport'];
/** A network's theme and its name, each a correct Danish compound. */
export const NETWORK_THEMES: ReadonlyArray<{ theme: string; network: string }> = [
  { theme: 'Gårdbutikker', network: 'Gårdbutiksnetværket' },
  { theme: 'Turisme', network: 'Turismenetværket' },
  { theme: 'Håndværk', network: 'Håndværkernetværket' },
  { theme: 'Fødevarer', network: 'Fødevarenetværket' },
  { theme: 'Iværksættere', network: 'Iværksætternetværket' },
  { theme: 'Kunsthåndværk', network: 'Kunsthåndværkernetværket' },
];
