// Permissions are known as soon as the module loads.
import './municipality.errors.ts';
import './municipality.permissions.ts';
export { municipalityParams, municipalitySchema } from './municipality.contract.ts';
export { presentMunicipality } from './municipality.presenter.ts';
export { createMunicipalityRepository } from './municipality.repository.ts';
export { registerMunicipalityRoutes } from './municipality.routes.ts';
export { createMunicipalityService, type MunicipalityService } from './municipality.service.ts';
export { municipality } from './municipality.tables.ts';
export { registerAccessibilityStatementRoutes } from './accessibility-statement.routes.ts';
export { createAccessibilityStatementService } from './accessibility-statement.service.ts';
export { registerAppearanceRoutes } from './appearance.routes.ts';
export { createAppearanceService } from './appearance.service.ts';
