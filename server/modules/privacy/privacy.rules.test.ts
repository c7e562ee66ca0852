import { describe, expect, it } from 'vitest';
import { defaultPrivacySettings, privacySettingsFrom, retentionCutoff } from './privacy.rules.ts';
import { privacyStatementOf } from './privacy-statement.ts';

describe('privacy settings over the defaults', () => {
  it.each([
    ['nothing stored', undefined, defaultPrivacySettings],
    ['not an object', 'dertig', defaultPrivacySettings],
    ['one term stored', { outboxDays: 60 }, { ...defaultPrivacySettings, outboxDays: 60 }],
    ['nonsense left out', { sessionDays: -3, passwordLinkDays: 2.5, auditSnapshotDays: '800' }, defaultPrivacySettings],
  ])('%s', (_case, stored, expected) => {
    expect(privacySettingsFrom(stored)).toEqual(expected);
  });

  it('counts whole days back from now', () => {
    expect(retentionCutoff(new Date('2026-06-15T10:00:00Z'), 30).toISOString()).toBe('2026-05-16T10:00:00.000Z');
  });
});

describe('the privacy statement', () => {
  it('is the standard text with the municipality’s name until the municipality stores its own', () => {
    expect(privacyStatementOf(undefined, 'Helmond')).toMatchObject({ isDefault: true, text: expect.stringContaining('gemeente Helmond') });
    expect(privacyStatementOf(null, 'Helmond').text).not.toContain('{municipality}');
    expect(privacyStatementOf({ text: 'Eigen tekst' }, 'Helmond')).toEqual({ isDefault: false, text: 'Eigen tekst' });
  });
});
