import type { FastifyInstance } from 'fastify';
import { DomainError } from './errors.ts';

// C0 controls (with NUL) and DEL: no slug, id or code contains them, so a path that does is refused
// before anything looks it up (PostgreSQL rejects NUL outright).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** Refuses path parameters with control characters, for every route, before tenancy or a handler reads them. */
export function registerPathParameterCheck(app: FastifyInstance) {
  app.addHook('onRequest', (request, _reply, done) => {
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string' && controlCharacter.test(value)) {
        return done(new DomainError('VALIDATION_FAILED', { fields: [{ field: `params.${name}`, code: 'controlCharacter' }] }));
      }
    }
    done();
  });
}
