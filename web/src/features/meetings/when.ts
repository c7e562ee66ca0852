/** "dinsdag 15 december 2026, 19.00–21.30 uur": the day and the hours in the Netherlands. */
export function whenInWords(meeting: { startsAt: string; endsAt: string }, language: string): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const zone = { timeZone: 'Europe/Amsterdam' } as const;
  const day = new Date(meeting.startsAt).toLocaleDateString(locale, { ...zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = (moment: string) => new Date(moment).toLocaleTimeString(locale, { ...zone, hour: '2-digit', minute: '2-digit' });
  return language === 'nl' ? `${day}, ${time(meeting.startsAt)}–${time(meeting.endsAt)} uur` : `${day}, ${time(meeting.startsAt)}–${time(meeting.endsAt)}`;
}

/** The wall-clock day and time in the Netherlands of a moment, for date and time inputs. */
export function amsterdamParts(moment: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(moment));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * A day and time as meant in the Netherlands → an ISO moment with the right offset (+01:00 in winter, +02:00 in
 * summer), whatever the zone of the browser.
 */
export function amsterdamMoment(day: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return '';
  const asUtc = new Date(`${day}T${time}:00Z`);
  for (const offset of [1, 2]) {
    const candidate = new Date(asUtc.getTime() - offset * 3_600_000);
    const back = amsterdamParts(candidate.toISOString());
    if (back.day === day && back.time === time) return `${day}T${time}:00+0${offset}:00`;
  }
  return `${day}T${time}:00+01:00`;
}
