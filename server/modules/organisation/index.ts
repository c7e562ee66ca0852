export { createOrganisationServices, type OrganisationServices } from './organisation.service.ts';
export { registerOrganisationRoutes } from './organisation.routes.ts';
export { councilTerm, department, partnerKinds, partnerOrganisation, portfolio, theme } from './organisation.tables.ts';
