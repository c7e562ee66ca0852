export { registerCouncilRoutes } from './council.routes.ts';
export { type CouncilService, createCouncilService } from './council.service.ts';
export { council, councilLegalForms } from './council.tables.ts';
