import type { ComponentType } from 'react';
import { CaseloadPage } from '../caseload/CaseloadPage';
import { CompanyPage } from '../company/CompanyPage';
import type { MessageKey } from '../i18n/da';

export interface RouteProps {
  params: Record<string, string>;
}

export interface AppRoute {
  pattern: string;
  component: ComponentType<RouteProps>;
  /** Routes with a nav entry appear in the left menu, in this order. */
  nav?: { labelKey: MessageKey; icon: string };
  /** The nav entry highlighted while this route is open. */
  section: string;
}

/** Add a page: one line here (and a label in i18n). */
export const ROUTES: readonly AppRoute[] = [
  {
    pattern: '/companies',
    component: CaseloadPage,
    nav: { labelKey: 'nav.companies', icon: '▦' },
    section: '/companies',
  },
  { pattern: '/companies/:id', component: CompanyPage, section: '/companies' },
  { pattern: '/companies/:id/:tab', component: CompanyPage, section: '/companies' },
];

export const HOME_PATH = '/companies';
