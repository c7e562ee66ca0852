export { registerAdministrationRoutes } from './administration.routes.ts';
export { createAdministrationService } from './administration.service.ts';
