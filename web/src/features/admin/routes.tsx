import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** Admin code loads only when an admin opens it: visitors never download it. */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

const neighbourhoods = () => import('./pages/NeighbourhoodPages.tsx');
const councils = () => import('./pages/CouncilPages.tsx');
const organisation = () => import('./pages/OrganisationPages.tsx');

/** Every page below /:municipality/beheer (Dutch paths, as in the menu), behind one admin check. */
export const adminRoutes: RouteObject[] = [
  {
    ...page(() => import('./components/AdminLayout.tsx').then((module) => module.AdminLayout)),
    children: [
      { index: true, ...page(() => import('./pages/AdminIndexPage.tsx').then((module) => module.AdminIndexPage)) },
      { path: 'wijken', ...page(() => neighbourhoods().then((module) => module.NeighbourhoodsPage)) },
      { path: 'wijken/:neighbourhoodId', ...page(() => neighbourhoods().then((module) => module.NeighbourhoodPage)) },
      { path: 'wijkorganen', ...page(() => councils().then((module) => module.CouncilsPage)) },
      { path: 'wijkorganen/:councilId', ...page(() => councils().then((module) => module.CouncilPage)) },
      { path: 'afdelingen', ...page(() => organisation().then((module) => module.DepartmentsPage)) },
      { path: 'partners', ...page(() => organisation().then((module) => module.PartnersPage)) },
      { path: 'themas', ...page(() => organisation().then((module) => module.ThemesPage)) },
      { path: 'portefeuilles', ...page(() => organisation().then((module) => module.PortfoliosPage)) },
      { path: 'collegeperiodes', ...page(() => organisation().then((module) => module.CouncilTermsPage)) },
      { path: 'gebruikers', ...page(() => import('./pages/UsersPage.tsx').then((module) => module.UsersPage)) },
      { path: 'gebruikers/importeren', ...page(() => import('./pages/UserImportPage.tsx').then((module) => module.UserImportPage)) },
      { path: 'auditlog', ...page(() => import('./pages/AuditLogPage.tsx').then((module) => module.AuditLogPage)) },
      { path: 'api-tokens', ...page(() => import('./pages/ApiTokensPage.tsx').then((module) => module.ApiTokensPage)) },
      { path: 'antwoordregels', ...page(() => import('./pages/RequestSettingsPage.tsx').then((module) => module.RequestSettingsPage)) },
      { path: 'meldingen', ...page(() => import('./pages/ReportSettingsPage.tsx').then((module) => module.ReportSettingsPage)) },
      { path: 'beveiliging', ...page(() => import('./pages/SecurityEventsPage.tsx').then((module) => module.SecurityEventsPage)) },
      { path: 'inloggen', ...page(() => import('./pages/SingleSignOnPage.tsx').then((module) => module.SingleSignOnPage)) },
      { path: 'privacy', ...page(() => import('./pages/PrivacyPage.tsx').then((module) => module.PrivacyPage)) },
      { path: 'huisstijl', ...page(() => import('./pages/AppearancePage.tsx').then((module) => module.AppearancePage)) },
      { path: 'outbox', ...page(() => import('./pages/OutboxPage.tsx').then((module) => module.OutboxPage)) },
    ],
  },
];
