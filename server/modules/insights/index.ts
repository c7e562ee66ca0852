export { registerResponsivenessRoutes } from './responsiveness.routes.ts';
export { createResponsivenessService } from './responsiveness.service.ts';
