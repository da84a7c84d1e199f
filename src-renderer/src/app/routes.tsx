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

/** A page in the left menu, highlighted there while it is open. */
function navPage(
  pattern: string,
  component: ComponentType<RouteProps>,
  labelKey: MessageKey,
  icon: LucideIcon,
): AppRoute {
  return { pattern, component, nav: { labelKey, icon }, section: pattern };
}

/** Add a page: one line here (and a label in i18n). */
export const ROUTES: readonly AppRoute[] = [
  navPage('/week', WeekPage, 'nav.week', CalendarCheck),
  navPage('/companies', CaseloadPage, 'nav.companies', LayoutList),
  { pattern: '/duplicates', component: DuplicatesPage, section: '/companies' },
  { pattern: '/companies/:id', component: CompanyPage, section: '/companies' },
  { pattern: '/companies/:id/:tab', component: CompanyPage, section: '/companies' },
  { pattern: '/companies/:id/visits/:visitId', component: VisitFormPage, section: '/companies' },
  navPage('/followups', MyFollowUpsPage, 'nav.followups', ListChecks),
  navPage('/referrals', ReferralsPipelinePage, 'nav.referrals', Send),
  navPage('/lag', LagPipelinePage, 'nav.lag', Landmark),
  navPage('/search', SearchPage, 'nav.search', Search),
  navPage('/networks', NetworksPage, 'nav.networks', Network),
  navPage('/import', ImportPage, 'nav.import', FileUp),
  navPage('/report', ReportPage, 'nav.report', ChartColumn),
  navPage('/settings', SettingsPage, 'nav.settings', Settings),
  { pattern: '/settings/:section', component: SettingsPage, section: '/settings' },
];

/** The start page: "Min uge", what to do this week. */
export const HOME_PATH = '/week';
