import type { FastifyRequest } from 'fastify';

/**
 * The request as it goes into the log: method, path and the names of the query parameters, not their values.
 * A search (`?search=Jansen`), a filter or a slug in a query can hold a resident's name or address; the log is
 * kept longer and read by more people than the data itself.
 */
export function redactedUrl(url: string): string {
  const [rawPath, query] = url.split('?', 2);
  // A personal calendar feed's address is its secret: whoever reads the log must not be able to subscribe.
  const pathPart = rawPath.replace(/\/calendar-feeds\/[^/]+/, '/calendar-feeds/…');
  if (query === undefined) return pathPart;
  const names = [...new URLSearchParams(query).keys()];
  return `${pathPart}?${names.map((name) => `${name}=…`).join('&')}`;
}

export function serializeRequestForLog(request: FastifyRequest) {
  return { method: request.method, url: redactedUrl(request.url), remoteAddress: request.ip };
}
