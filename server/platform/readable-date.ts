import type { Language } from './language.ts';

/** Dates in messages are read by people in the Netherlands: their calendar day, their clock. */
const timeZone = 'Europe/Amsterdam';
const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

// Making a formatter costs far more than using one: one per language and zone, made when first needed.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(language: Language, zone: string) {
  const key = `${language} ${zone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
    formatters.set(key, formatter);
  }
  return formatter;
}

function partsOf(moment: Date, language: Language, zone: string) {
  const parts = formatterFor(language, zone).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { weekday: part('weekday'), day: part('day'), month: part('month'), year: part('year'), time: `${part('hour')}:${part('minute')}` };
}

/**
 * A day as people read it: "vrijdag 4 december 2026" / "Friday 4 December 2026" (no comma, whatever the
 * locale data says). A calendar day ("2026-12-04") is that day; a moment is its day in Europe/Amsterdam.
 * Anything else is returned as it came, so a message never fails on a date.
 */
export function readableDate(value: string | Date, language: Language): string {
  const moment = typeof value === 'string' ? (isoDay.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(Number.NaN)) : value;
  if (Number.isNaN(moment.getTime())) return String(value);
  // A calendar day has no time zone: read it at noon UTC, which is the same day in Amsterdam.
  const { weekday, day, month, year } = partsOf(moment, language, typeof value === 'string' ? 'UTC' : timeZone);
  return `${weekday} ${day} ${month} ${year}`;
}

/** A moment as people read it: "vrijdag 4 december 2026 om 14:05" / "Friday 4 December 2026 at 14:05", Amsterdam time. */
export function readableMoment(moment: Date, language: Language): string {
  if (Number.isNaN(moment.getTime())) return String(moment);
  const { time } = partsOf(moment, language, timeZone);
  return `${readableDate(moment, language)} ${language === 'nl' ? 'om' : 'at'} ${time}`;
}
