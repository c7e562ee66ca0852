// The module's own error codes and field messages are known to the error handler as soon as the module loads.
import './organisation.errors.ts';
import './organisation.permissions.ts';
export { createOrganisationCsvService, type OrganisationCsvService } from './organisation-csv.service.ts';
export { registerOrganisationCsvRoutes } from './organisation-csv.routes.ts';
export { createOrganisationServices, type OrganisationServices } from './organisation.service.ts';
export { registerOrganisationRoutes } from './organisation.routes.ts';
export { councilTerm, department, partnerKinds, partnerOrganisation, portfolio, portfolioDepartment, portfolioNeighbourhood, portfolioTheme, theme } from './organisation.tables.ts';
export { defaultThemes, insertDefaultThemes } from './default-themes.ts';
