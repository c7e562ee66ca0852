import { describe, expect, it } from 'vitest';
import { redactedUrl } from './log-redaction.ts';

describe('what the request log keeps of an address', () => {
  it('keeps the path and the names of the query parameters, never their values', () => {
    expect(redactedUrl('/api/v1/municipalities/helmond/requests?search=Jansen%20Dorpsstraat%2012&page=2')).toBe('/api/v1/municipalities/helmond/requests?search=…&page=…');
    expect(redactedUrl('/api/v1/municipalities/helmond/neighbourhoods')).toBe('/api/v1/municipalities/helmond/neighbourhoods');
    expect(redactedUrl('/helmond/vragen?')).toBe('/helmond/vragen?');
  });

  it('hides the secret token of a personal calendar feed, with or without a query', () => {
    expect(redactedUrl('/api/v1/municipalities/helmond/calendar-feeds/wcal_abc-DEF_123')).toBe('/api/v1/municipalities/helmond/calendar-feeds/…');
    expect(redactedUrl('/api/v1/municipalities/helmond/calendar-feeds/wcal_abc?x=1')).toBe('/api/v1/municipalities/helmond/calendar-feeds/…?x=…');
  });
});
