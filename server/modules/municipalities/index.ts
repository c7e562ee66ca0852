export { municipalityParams } from './municipality.contract.ts';
export { createMunicipalityRepository } from './municipality.repository.ts';
export { registerMunicipalityRoutes } from './municipality.routes.ts';
export { createMunicipalityService, type MunicipalityService } from './municipality.service.ts';
export { municipality } from './municipality.tables.ts';
