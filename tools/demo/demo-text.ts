import type { Random } from '../generate/random';

/** Phrases a consultant writes after a visit; the demo strings a few together per note. */
const OPENINGS = [
  'Første besøg hos indehaveren på adressen.',
  'Telefonisk opfølgning på sidste møde.',
  'Mødtes med ejeren i forsamlingshuset.',
  'Kort besøg sammen med den lokale erhvervskonsulent.',
  'Opfølgende møde om de aftalte punkter.',
];
const BUSINESS = [
  'Virksomheden sælger lokale fødevarer fra gårdbutik og torvedage.',
  'Ejeren driver et lille tømrerfirma med to svende og en lærling.',
  'Bed & breakfast med seks værelser, travl om sommeren, stille om vinteren.',
  'Enkeltmandsvirksomhed inden for webdesign, kunder primært i lokalområdet.',
  'Maskinstation med sæsonarbejde; overvejer at udvide med entreprenøropgaver.',
  'Lille keramikværksted med butik og kurser for turister.',
];
const NEEDS = [
  'Har brug for en forretningsplan før banken vil se på finansiering.',
  'Ønsker hjælp til markedsføring og en bedre hjemmeside.',
  'Overvejer generationsskifte inden for fem år.',
  'Vil gerne udvikle et nyt produkt og mangler viden om fødevaregodkendelse.',
  'Interesseret i at indgå i et netværk med andre virksomheder i området.',
  'Drøftede muligheden for LAG-tilskud til nye maskiner.',
];
const NEXT = [
  'Sender materiale om Væksthusets rådgivningsordning.',
  'Aftalt nyt møde om en måned.',
  'Formidler kontakt til en forsker på AU Foulum.',
  'Konsulenten undersøger mulighederne for LAG-støtte.',
  'Ejeren vender tilbage, når regnskabet er klar.',
];

export function visitNote(rng: Random): { description: string; needs: string; nextSteps: string; notes: string } {
  const description = rng.pick(BUSINESS);
  const needs = rng.pick(NEEDS);
  const nextSteps = rng.pick(NEXT);
  return { description, needs, nextSteps, notes: `${rng.pick(OPENINGS)} ${description} ${needs} ${nextSteps}` };
}

export const REFERRAL_REASONS = [
  'Behov for specialiseret rådgivning om finansiering af udvidelse.',
  'Ønsker sparring om eksport til Tyskland.',
  'Har brug for hjælp til forretningsudvikling og strategi.',
  'Skal have vurderet mulighederne for produktudvikling.',
];
export const LAG_TITLES = [
  'Etablering af gårdbutik',
  'Nyt produktionsudstyr til lokale fødevarer',
  'Udvidelse af overnatningskapacitet',
  'Værksted og showroom',
  'Mobil slagtefacilitet',
];
export const KNOWLEDGE_TOPICS = ['Produktudvikling', 'Fødevaresikkerhed', 'Digital markedsføring', 'Energi', 'Eksport'];
export const NETWORK_THEMES = ['Gårdbutikker', 'Turisme', 'Håndværk', 'Fødevarer', 'Iværksættere', 'Kunsthåndværk'];
