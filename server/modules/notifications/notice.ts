import type { Language } from '../../platform/language.ts';

/** One notification in every language Wijkwerk speaks; each recipient gets it in their own. */
export type Notice = Record<Language, { subject: string; body: string }>;

/** Dates in messages go through these: "vrijdag 4 december 2026", "… om 14:05". */
export { readableDate, readableMoment } from '../../platform/readable-date.ts';
