import type { Language } from '../../platform/language.ts';

/** One notification in every language Wijkwerk speaks; each recipient gets it in their own. */
export type Notice = Record<Language, { subject: string; body: string }>;

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "2026-07-13" → "13 juli 2026" or "13 July 2026": dates in messages as people read them. */
export function readableDate(isoDate: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "2026-12-04" → "vrijdag 4 december 2026" or "Friday 4 December 2026": a deadline people plan their week by. */
export function readableDay(isoDate: string, language: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  return new Intl.DateTimeFormat(locales[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
