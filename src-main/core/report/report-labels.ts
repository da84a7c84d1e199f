import type { Breakdown, KpiKey, QualityKey } from './report-schema';

/** Danish names for the figures in exported reports (the page takes its own from the UI catalogue). */
export const KPI_LABELS_DA: Record<KpiKey, string> = {
  companies_contacted: 'Virksomheder kontaktet',
  referred_vaeksthus: 'Henvist til Væksthus/erhvervshus',
  vaeksthus_grants: 'Heraf tilskud bevilget',
  lag_applications: 'Hjulpet med LAG-ansøgning',
  knowledge_contacts: 'Sat i kontakt med videnspersoner',
  networks_founded: 'Netværk etableret',
};

export const QUALITY_LABELS_DA: Record<QualityKey, string> = {
  without_cvr: 'Uden CVR-nummer',
  duplicate_names: 'Samme navn som en anden virksomhed',
  ineligible: 'Ikke støtteberettiget (10+ ansatte eller kommune uden for programmet)',
  contact_without_visit: 'Hjælp registreret uden besøg i perioden',
};

export const BREAKDOWN_LABELS_DA: Record<Breakdown, string> = {
  kommune: 'Kommune',
  consultant: 'Konsulent',
  section: 'Branche',
  size: 'Størrelse',
};

/** Sheet names: Excel allows 31 characters and no []:*?/\ . */
export const KPI_SHEETS_DA: Record<KpiKey, string> = {
  companies_contacted: 'Kontaktet',
  referred_vaeksthus: 'Henvist',
  vaeksthus_grants: 'Tilskud',
  lag_applications: 'LAG',
  knowledge_contacts: 'Videnskontakter',
  networks_founded: 'Netværksmedlemmer',
};

export function dateDa(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
