import { ORGANISATION_TYPES, type OrganisationType } from '../../../src-shared/codes/outreach';

export { ORGANISATION_TYPES, type OrganisationType };

export interface OrganisationSeed {
  name: string;
  type: OrganisationType;
  city?: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
}

export const ORGANISATION_SEED: readonly OrganisationSeed[] = [
  {
    name: 'Væksthus Midtjylland',
    type: 'vaeksthus',
    city: 'Herning',
    validFrom: '2007-01-01',
    validTo: '2018-12-31',
    note: 'Blev til Erhvervshus Midtjylland 1. januar 2019.',
  },
  {
    name: 'Erhvervshus Midtjylland',
    type: 'erhvervshus',
    city: 'Aarhus',
    validFrom: '2019-01-01',
    note: 'Afdelinger i Herning og Horsens.',
  },
  { name: 'LAG Randers-Favrskov', type: 'lag', city: 'Randers' },
  { name: 'LAG Djursland', type: 'lag', city: 'Grenaa' },
  { name: 'LAG Struer-Holstebro', type: 'lag', city: 'Holstebro' },
  { name: 'LAG Thy-Mors', type: 'lag', city: 'Thisted' },
  { name: 'LAG Fjordlandet (Skive)', type: 'lag', city: 'Skive' },
  { name: 'Alexandra Instituttet', type: 'knowledge_institution', city: 'Aarhus' },
  { name: 'Aarhus Universitet, AU Foulum', type: 'knowledge_institution', city: 'Tjele' },
];
