// Permissions are known as soon as the module loads.
import './insights.permissions.ts';
export { registerResponsivenessRoutes } from './responsiveness.routes.ts';
export { createResponsivenessService } from './responsiveness.service.ts';
