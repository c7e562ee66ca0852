import { useI18n } from '../i18n/i18n.tsx';

/** "vrijdag 4 december 2026" or "Friday 4 December 2026": a deadline people plan their week by. */
export function readableDay(value: string, language: string): string {
  return new Date(`${value}T12:00:00Z`).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A calendar date (YYYY-MM-DD) as people read it — "27 januari 2027" — with the machine date kept in <time>. */
export function CalendarDate({ value }: { value: string }) {
  const { language } = useI18n();
  const text = new Date(`${value}T12:00:00Z`).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return <time dateTime={value}>{text}</time>;
}
