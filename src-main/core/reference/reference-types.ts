import type { OrganisationType } from '../domain/organisations';

export interface Kommune {
  code: number;
  name: string;
  participating: boolean;
}

export interface Consultant {
  id: number;
  uuid: string;
  name: string;
  initials: string | null;
  email: string | null;
  active: boolean;
}

export interface Organisation {
  id: number;
  uuid: string;
  name: string;
  type: OrganisationType;
  city: string | null;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  active: boolean;
}
