import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every page and API answer. The web app is Vite's build: one module script
 * and stylesheets from this origin, no inline script; Leaflet and React style elements through the CSSOM,
 * which a policy does not restrict; images (Leaflet's, the design system's) from this origin or `data:`.
 * A configured base map's tile server joins `img-src` (see registerSecurityHeaders).
 */
export const contentSecurityPolicyDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * The API documentation (Swagger UI) inserts <style> elements from its script, so its pages alone allow
 * inline styles; they show the OpenAPI document, nothing anyone typed in.
 */
export const apiDocumentationContentSecurityPolicy = Object.entries({ ...contentSecurityPolicyDirectives, 'style-src': ["'self'", "'unsafe-inline'"] })
  .map(([directive, sources]) => [directive, ...sources].join(' '))
  .join('; ');

/**
 * Security headers on every answer: pages, API, problems and files alike. Helmet's middleware is built once
 * here and applied in one callback hook: @fastify/helmet builds it anew for every request, in two hooks (one
 * async), which cost the public neighbourhood list a third of its throughput (77 % → 49 % of a bare Fastify
 * route in `npm run bench`).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { publicUrl: string; mapTileOrigin?: string }) {
  const isHttps = new URL(options.publicUrl).protocol === 'https:';
  // A base map's tiles are images from one other host: its origin joins, nothing more.
  const imageSources = options.mapTileOrigin ? [...contentSecurityPolicyDirectives['img-src'], options.mapTileOrigin] : contentSecurityPolicyDirectives['img-src'];
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...contentSecurityPolicyDirectives, 'img-src': imageSources, ...(isHttps ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    // Only a site reached over https may tell browsers to insist on https; over http the header is ignored
    // at best and locks a test install out at worst.
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Links out (a council's website) carry no path of ours: those can hold ids and searches.
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
}
