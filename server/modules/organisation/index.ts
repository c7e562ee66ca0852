export { councilTerm, department, partnerKinds, partnerOrganisation, portfolio, theme } from './organisation.tables.ts';
