import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** Admin code loads only when an admin opens it: visitors never download it. */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

const registers = () => import('./pages/RegisterPages.tsx');

/** Every page below /:municipality/beheer (Dutch paths, as in the menu). */
export const adminRoutes: RouteObject[] = [
  { index: true, ...page(() => import('./pages/AdminIndexPage.tsx').then((module) => module.AdminIndexPage)) },
  { path: 'wijken', ...page(() => registers().then((module) => module.NeighbourhoodsPage)) },
  { path: 'wijkorganen', ...page(() => registers().then((module) => module.CouncilsPage)) },
  { path: 'afdelingen', ...page(() => registers().then((module) => module.DepartmentsPage)) },
  { path: 'partners', ...page(() => registers().then((module) => module.PartnersPage)) },
  { path: 'themas', ...page(() => registers().then((module) => module.ThemesPage)) },
  { path: 'portefeuilles', ...page(() => registers().then((module) => module.PortfoliosPage)) },
  { path: 'collegeperiodes', ...page(() => registers().then((module) => module.CouncilTermsPage)) },
  { path: 'gebruikers', ...page(() => import('./pages/UsersPage.tsx').then((module) => module.UsersPage)) },
  { path: 'auditlog', ...page(() => import('./pages/AuditLogPage.tsx').then((module) => module.AuditLogPage)) },
  { path: 'api-tokens', ...page(() => import('./pages/ApiTokensPage.tsx').then((module) => module.ApiTokensPage)) },
  { path: 'outbox', ...page(() => import('./pages/OutboxPage.tsx').then((module) => module.OutboxPage)) },
];
