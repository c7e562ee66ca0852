// The module's error codes are known to the error handler as soon as the module loads.
import './platform-administration.errors.ts';
export { createMunicipalityFoundingService, type Founder, type MunicipalityFoundingService } from './municipality-founding.service.ts';
export { registerPlatformAdministrationRoutes } from './platform-administration.routes.ts';
export { countPlatformAdministrators, createPlatformSessionService, type PlatformSessionService, savePlatformAdministrator } from './platform-administration.service.ts';
export { platformAdministrator, platformSession } from './platform-administration.tables.ts';
