import type { PrivacySettings } from './privacy.contract.ts';

/**
 * How long Wijkwerk keeps what, until a municipality chooses otherwise (docs/operations.md, "Retention").
 * Sessions and links are of no use once ended; messages are kept a quarter for questions about them; audit
 * snapshots two years, the usual term for checking a decision; attachments two years after the request closed.
 */
export const defaultPrivacySettings: PrivacySettings = {
  sessionDays: 30,
  passwordLinkDays: 7,
  outboxDays: 90,
  auditSnapshotDays: 730,
  closedRequestAttachmentDays: 730,
};

/** The stored section over the defaults: a setting added later gets its default in existing municipalities. */
export function privacySettingsFrom(stored: unknown): PrivacySettings {
  const settings = { ...defaultPrivacySettings };
  if (typeof stored !== 'object' || stored === null) return settings;
  for (const key of Object.keys(settings) as (keyof PrivacySettings)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) settings[key] = value;
  }
  return settings;
}

const dayMs = 24 * 3600_000;

/** What ended before this moment has been kept its full term. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * dayMs);
}

/** What an erased person is called from then on, and the address that stands in for theirs. */
export const erasedDisplayName = 'Verwijderde gebruiker';
export const erasedEmailOf = (userId: string) => `verwijderd-${userId}@verwijderd.invalid`;
