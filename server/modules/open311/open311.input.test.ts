import { describe, expect, it } from 'vitest';
import { open311FieldName, open311SubmitFields, readSubmitBody, requestWindow, toSubmitReport } from './open311.input.ts';

describe('reading an Open311 submission', () => {
  it('reads attribute[code] keys of a form and an attribute object of JSON alike', () => {
    expect(readSubmitBody({ service_code: 'boom', 'attribute[soort]': 'uit' })).toEqual({ fields: { service_code: 'boom' }, attributes: { soort: 'uit' } });
    expect(readSubmitBody({ service_code: 'boom', attribute: { soort: 'uit' } })).toEqual({ fields: { service_code: 'boom' }, attributes: { soort: 'uit' } });
    expect(readSubmitBody('service_code=boom')).toEqual({ fields: {}, attributes: {} });
  });

  it('takes an e-mail address as the wish to hear back, and keeps no names', () => {
    const fields = open311SubmitFields.parse({ service_code: 'boom', lat: '51.46', long: '5.69', email: 'a@b.example', first_name: 'Jan', description: 'Tak op de weg' });
    const submission = toSubmitReport(fields, {});
    expect(submission).toMatchObject({ categoryCode: 'boom', location: { latitude: 51.46, longitude: 5.69 }, email: 'a@b.example', contactConsent: true });
    expect(JSON.stringify(submission)).not.toContain('Jan');
    expect(toSubmitReport(open311SubmitFields.parse({ service_code: 'boom' }), {}).contactConsent).toBe(false);
  });

  it('names fields as the specification does in errors', () => {
    expect(open311FieldName('body.categoryCode')).toBe('service_code');
    expect(open311FieldName('body.location.latitude')).toBe('lat');
    expect(open311FieldName('body.answers.soort')).toBe('attribute[soort]');
  });

  it('covers the last 90 days unless dates or ids are asked for', () => {
    const now = new Date('2026-06-15T10:00:00Z');
    expect(requestWindow({}, now).from?.toISOString()).toBe('2026-03-17T10:00:00.000Z');
    expect(requestWindow({ service_request_id: ['M-2026-000001'] }, now)).toEqual({});
    expect(requestWindow({ start_date: '2026-01-01T00:00:00+01:00' }, now).from?.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});
