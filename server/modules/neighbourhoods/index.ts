// The module's own error codes and field messages are known to the error handler as soon as the module loads.
import './neighbourhood.errors.ts';
import './neighbourhood.permissions.ts';
export { createNeighbourhoodRepository } from './neighbourhood.repository.ts';
export { registerNeighbourhoodRoutes } from './neighbourhood.routes.ts';
export { slugFromName } from './neighbourhood.rules.ts';
export { createNeighbourhoodService, type NeighbourhoodService } from './neighbourhood.service.ts';
export { area, neighbourhood } from './neighbourhood.tables.ts';
export { registerAreaImportRoutes } from './area-import.routes.ts';
export { type AreaImportService, createAreaImportService } from './area-import.service.ts';
export { type MapSettings, mapSettingsSchema } from './map-settings.contract.ts';
export { registerMapSettingsRoutes } from './map-settings.routes.ts';
