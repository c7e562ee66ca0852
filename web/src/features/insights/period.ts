// The period and grouping of the responsiveness page live in the address (Dutch keys, like the paths), so a view can be shared:
// /helmond/reactiesnelheid?van=2025-01-01&tot=2025-12-31&per=wijk

export type Grouping = 'department' | 'neighbourhood' | 'month';
export interface Period {
  from: string;
  to: string;
}
export interface ResponsivenessView extends Period {
  groupBy: Grouping;
}

export const groupingsInAddress: Record<string, Grouping> = { afdeling: 'department', wijk: 'neighbourhood', maand: 'month' };
export const groupingNames = Object.keys(groupingsInAddress);
export const addressNameOf = (grouping: Grouping) => groupingNames.find((name) => groupingsInAddress[name] === grouping)!;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export const isCalendarDate = (value: string | null): value is string => value !== null && isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Today as the municipality counts it (the API groups by Amsterdam dates too). */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The last twelve calendar months up to today: twelve whole buckets when grouped by month, this one still running. */
export function lastTwelveMonths(today: string): Period {
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

export const thisYear = (today: string): Period => ({ from: `${today.slice(0, 4)}-01-01`, to: today });

export function lastYear(today: string): Period {
  const year = Number(today.slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** What the address asks for; anything missing or malformed falls back to the default view. */
export function viewFromAddress(parameters: URLSearchParams, today: string): ResponsivenessView {
  const fallback = lastTwelveMonths(today);
  const from = parameters.get('van');
  const to = parameters.get('tot');
  return {
    from: isCalendarDate(from) ? from : fallback.from,
    to: isCalendarDate(to) ? to : fallback.to,
    groupBy: groupingsInAddress[parameters.get('per') ?? ''] ?? 'department',
  };
}

export function addressOf(view: ResponsivenessView): URLSearchParams {
  return new URLSearchParams({ van: view.from, tot: view.to, per: addressNameOf(view.groupBy) });
}
