import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDepartmentBody } from '../server/modules/organisation/organisation.contract.ts';
import { validationProblem } from '../server/platform/errors.ts';
import { boundarySchema } from '../server/platform/geometry.ts';

/** The field messages a schema gives for a value, in one language, as the API would send them. */
function messagesFor(schema: z.ZodType, value: unknown, language: 'nl' | 'en') {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected the value to be refused');
  return (validationProblem('body', result.error.issues, language).errors ?? []).map((error) => error.message);
}

describe('field messages people can act on', () => {
  it('an empty text that needs at least one character is a required field, not "at least 1 characters"', () => {
    const schema = z.object({ motivation: z.string().min(1) });
    expect(messagesFor(schema, { motivation: '' }, 'nl')).toEqual(['Dit veld is verplicht.']);
    expect(messagesFor(schema, { motivation: '' }, 'en')).toEqual(['This field is required.']);
  });

  it('one choice at least says "one"', () => {
    const schema = z.object({ councilIds: z.array(z.string()).min(1) });
    expect(messagesFor(schema, { councilIds: [] }, 'nl')).toEqual(['Kies er minstens één.']);
    expect(messagesFor(schema, { councilIds: [] }, 'en')).toEqual(['Choose at least one.']);
  });

  it('an empty date asks for a date instead of explaining how to write one', () => {
    const schema = z.object({ dueOn: z.iso.date() });
    expect(messagesFor(schema, { dueOn: '' }, 'nl')).toEqual(['Kies een datum.']);
    expect(messagesFor(schema, { dueOn: '2026-13-45' }, 'en')).toEqual(['Enter a date as yyyy-mm-dd, for example 2026-09-01.']);
  });

  it('a boundary that is no polygon names what to give, not zod’s "Ongeldige invoer"', () => {
    expect(messagesFor(boundarySchema, { type: 'Point', coordinates: [5.6, 51.4] }, 'nl')).toEqual(['Geef een GeoJSON Polygon of MultiPolygon met coördinaten in lengte- en breedtegraden.']);
  });

  it('a code in the wrong form says which characters to use', () => {
    const messages = messagesFor(createDepartmentBody, { name: 'Verkeer', code: 'Niet Goed!' }, 'nl');
    expect(messages).toContain('Gebruik kleine letters en cijfers, met streepjes ertussen, bijvoorbeeld openbare-ruimte.');
  });
});
