// The module's own permissions are in the matrix as soon as the module loads.
import './council.permissions.ts';
export { registerCouncilRoutes } from './council.routes.ts';
export { type CouncilService, createCouncilService } from './council.service.ts';
export { council, councilLegalForms } from './council.tables.ts';
