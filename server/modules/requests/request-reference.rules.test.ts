import { describe, expect, it } from 'vitest';
import { asReference, formatReference, isUuid, referencePrefixOf } from './request-reference.rules.ts';

describe('request references', () => {
  it.each([
    ['HLM', 2026, 142, 'HLM-2026-0142'],
    ['HLM', 2026, 1, 'HLM-2026-0001'],
    ['EIN', 2027, 12345, 'EIN-2027-12345'],
  ])('%s, %i, %i reads %s', (prefix, year, number, expected) => {
    expect(formatReference(prefix, year, number)).toBe(expected);
  });

  it.each([
    [null, 'helmond', 'HEL'],
    ['HLM', 'helmond', 'HLM'],
    [null, 's-hertogenbosch', 'SHE'],
    [null, 'a1', 'REQ'],
  ])('prefix setting %s for slug %s gives %s', (setting, slug, expected) => {
    expect(referencePrefixOf(setting, slug)).toBe(expected);
  });

  it.each([
    ['HLM-2026-0142', 'HLM-2026-0142'],
    [' hlm-2026-0142 ', 'HLM-2026-0142'],
    ['HLM-2026-12345', 'HLM-2026-12345'],
    ['HLM-26-0142', null],
    ['HLM 2026 0142', null],
    ['kapotte lantaarn', null],
  ])('%j is read as reference %s', (text, expected) => {
    expect(asReference(text)).toBe(expected);
  });

  it('tells a uuid from a reference', () => {
    expect(isUuid('0190f5a8-7c2e-7a51-9a3e-3c1d2b4a5e6f')).toBe(true);
    expect(isUuid('HLM-2026-0142')).toBe(false);
  });
});
