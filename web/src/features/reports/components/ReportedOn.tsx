import { useI18n } from '../../../i18n/i18n.tsx';

/** A moment as people in the municipality read it: "3 december 2026, 14:05", Dutch time, the exact time kept in <time>. */
export function ReportedOn({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const { language } = useI18n();
  const text = new Date(value).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: 'Europe/Amsterdam',
  });
  return <time dateTime={value}>{text}</time>;
}
