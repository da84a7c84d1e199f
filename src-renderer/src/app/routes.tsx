import {
  CalendarCheck,
  ChartColumn,
  FileUp,
  Landmark,
  LayoutList,
  ListChecks,
  type LucideIcon,
  Network,
  Search,
  Send,
  Settings,
} from 'lucide-react';
import type { ComponentType } from 'react';
import { CaseloadPage } from '../caseload/CaseloadPage';
import { CompanyPage } from '../company/CompanyPage';
import { DuplicatesPage } from '../duplicates/DuplicatesPage';
import { MyFollowUpsPage } from '../followups/MyFollowUpsPage';
import type { MessageKey } from '../i18n/translate';
import { ImportPage } from '../interop/ImportPage';
import { NetworksPage } from '../outreach/NetworksPage';
import { LagPipelinePage, ReferralsPipelinePage } from '../pipelines/PipelinePage';
import { ReportPage } from '../report/ReportPage';
import { SearchPage } from '../search/SearchPage';
import { SettingsPage } from '../settings/SettingsPage';
import { VisitFormPage } from '../visits/VisitFormPage';
import { WeekPage } from '../week/WeekPage';

export interface RouteProps {
  params: Record<string, string>;
}

export interface AppRoute {
  pattern: string;
  component: ComponentType<RouteProps>;
  /** Routes with a nav entry appear in the left menu, in this order. */
  nav?: { labelKey: MessageKey; icon: LucideIcon };
  /** The nav entry highlighted while this route is open. */
  section: string;
}

/** Add a page: one line here (and a label in i18n). */
export const ROUTES: readonly AppRoute[] = [
  { pattern: '/week', component: WeekPage, nav: { labelKey: 'nav.week', icon: CalendarCheck }, section: '/week' },
  {
    pattern: '/companies',
    component: CaseloadPage,
    nav: { labelKey: 'nav.companies', icon: LayoutList },
    section: '/companies',
  },
  { pattern: '/duplicates', component: DuplicatesPage, section: '/companies' },
  { pattern: '/companies/:id', component: CompanyPage, section: '/companies' },
  { pattern: '/companies/:id/:tab', component: CompanyPage, section: '/companies' },
  { pattern: '/companies/:id/visits/:visitId', component: VisitFormPage, section: '/companies' },
  {
    pattern: '/followups',
    component: MyFollowUpsPage,
    nav: { labelKey: 'nav.followups', icon: ListChecks },
    section: '/followups',
  },
  {
    pattern: '/referrals',
    component: ReferralsPipelinePage,
    nav: { labelKey: 'nav.referrals', icon: Send },
    section: '/referrals',
  },
  { pattern: '/lag', component: LagPipelinePage, nav: { labelKey: 'nav.lag', icon: Landmark }, section: '/lag' },
  { pattern: '/search', component: SearchPage, nav: { labelKey: 'nav.search', icon: Search }, section: '/search' },
  {
    pattern: '/networks',
    component: NetworksPage,
    nav: { labelKey: 'nav.networks', icon: Network },
    section: '/networks',
  },
  { pattern: '/import', component: ImportPage, nav: { labelKey: 'nav.import', icon: FileUp }, section: '/import' },
  { pattern: '/report', component: ReportPage, nav: { labelKey: 'nav.report', icon: ChartColumn }, section: '/report' },
  {
    pattern: '/settings',
    component: SettingsPage,
    nav: { labelKey: 'nav.settings', icon: Settings },
    section: '/settings',
  },
  { pattern: '/settings/:section', component: SettingsPage, section: '/settings' },
];

/** The start page: "Min uge", what to do this week. */
export const HOME_PATH = '/week';
