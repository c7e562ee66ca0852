export { createNeighbourhoodRepository } from './neighbourhood.repository.ts';
export { registerNeighbourhoodRoutes } from './neighbourhood.routes.ts';
export { slugFromName } from './neighbourhood.rules.ts';
export { createNeighbourhoodService, type NeighbourhoodService } from './neighbourhood.service.ts';
export { area, neighbourhood } from './neighbourhood.tables.ts';
