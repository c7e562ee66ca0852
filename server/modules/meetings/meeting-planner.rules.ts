import { addDays, type CalendarDate, isWorkingDay } from '../../platform/working-days.ts';

// The staggered planner (§3.2 "Positionering in de tijd"): wijktafels, and optionally wijkbezoeken, are spread over
// time across the neighbourhoods so that the workload of aldermen and advisors stays even and each neighbourhood
// learns from the ones before it. Pure and deterministic: the same input gives the same proposals, whatever order
// it came in. Fast enough for every Dutch wijk at once: each constraint is a lookup in a Set or Map keyed by day,
// week or month, never a scan over the other proposals.

export const plannableKindCodes = ['wijktafel', 'wijkbezoek'] as const;
export type PlannableKindCode = (typeof plannableKindCodes)[number];
export const blackoutKinds = ['school_holiday', 'council_recess', 'other'] as const;
export type BlackoutKind = (typeof blackoutKinds)[number];

/** One kind of meeting a neighbourhood may need, with how far along it is (from `frequencyStatus`). */
export interface PlannerNeed {
  kindCode: PlannableKindCode;
  lastHeldOn: CalendarDate | null;
  /** The day by which the next one should have taken place; null when none is due. */
  nextDueOn: CalendarDate | null;
  /** A meeting of this kind is already planned (or a draft exists): nothing to propose. */
  nextPlannedOn: CalendarDate | null;
  /** A development area where it was agreed the meeting does not take place separately. */
  isExempt?: boolean;
  /** The aldermen who must be there: the wijkbeleid alderman who chairs a wijktafel; the whole college at a wijkbezoek. */
  aldermanIds: string[];
}

export interface PlannerNeighbourhood {
  id: string;
  name: string;
  advisorIds: string[];
  needs: PlannerNeed[];
}

export interface PlannerInput {
  from: CalendarDate;
  to: CalendarDate;
  kindCodes: readonly PlannableKindCode[];
  neighbourhoods: PlannerNeighbourhood[];
  /** Days a person is not available (holiday leave, a course); both days included. */
  blockedPeriods: { userId: string; from: CalendarDate; to: CalendarDate }[];
  /** Municipality-wide: school holidays, the council's recess; both days included. */
  blackoutPeriods: { kind: BlackoutKind; from: CalendarDate; to: CalendarDate; description: string }[];
  maxPerAdvisorPerMonth: number;
  /** Meetings already in the calendar: they take the alderman's week and count toward the advisor's month. */
  occupied: { date: CalendarDate; aldermanIds: string[]; advisorIds: string[] }[];
}

type Texts = { nl: string; en: string };

export interface Proposal {
  neighbourhoodId: string;
  neighbourhoodName: string;
  kindCode: PlannableKindCode;
  date: CalendarDate;
  startTime: string;
  endTime: string;
  /** "2026-Q1": the quarter the proposal falls in, for the timeline. */
  quarter: string;
  explanation: Texts;
}

export const unplacedReasons = ['notDueInPeriod', 'alreadyPlanned', 'exempt', 'noFreeDay'] as const;
export type UnplacedReason = (typeof unplacedReasons)[number];

export interface Unplaced {
  neighbourhoodId: string;
  neighbourhoodName: string;
  kindCode: PlannableKindCode;
  reasonCode: UnplacedReason;
  reason: Texts;
}

export interface PlannerResult {
  proposals: Proposal[];
  unplaced: Unplaced[];
}

/** Evening for the wijktafel (council members are volunteers); the wijkbezoek takes half a day. */
export const plannedTimes: Record<PlannableKindCode, { startTime: string; endTime: string }> = {
  wijktafel: { startTime: '19:30', endTime: '21:30' },
  wijkbezoek: { startTime: '13:00', endTime: '17:00' },
};

const monthNames = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const weekdayNames = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const kindNames: Record<PlannableKindCode, Texts> = { wijktafel: { nl: 'wijktafel', en: 'wijktafel' }, wijkbezoek: { nl: 'wijkbezoek', en: 'wijkbezoek' } };
/** Dutch grammar: "de wijktafel, die" but "het wijkbezoek, dat"; the adjective follows ("de volgende", "het volgende"). */
const dutchArticle: Record<PlannableKindCode, { the: string; that: string; theNext: string; theLast: string }> = {
  wijktafel: { the: 'de', that: 'die', theNext: 'de volgende', theLast: 'de laatste' },
  wijkbezoek: { the: 'het', that: 'dat', theNext: 'het volgende', theLast: 'het laatste' },
};
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// Written out here rather than through Intl: thousands of sentences per run, and Intl formatting costs more than
// the whole plan.
function plainDate(date: CalendarDate, language: 'nl' | 'en'): string {
  return `${Number(date.slice(8, 10))} ${monthNames[language][Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

function weekdayOf(date: CalendarDate): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function quarterOf(date: CalendarDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

const quarterText = (quarter: string): Texts => ({ nl: `het ${quarter.slice(6)}e kwartaal van ${quarter.slice(0, 4)}`, en: `the ${['first', 'second', 'third', 'fourth'][Number(quarter.slice(6)) - 1]} quarter of ${quarter.slice(0, 4)}` });

/** Mid-week first: Monday and Friday evenings are the hardest for volunteers and staff. */
const weekdayPreference = [2, 3, 4, 1, 5];

type SkipReason = 'holiday' | 'blackout' | 'alderman' | 'advisorMonth' | 'blocked';

interface Day {
  date: CalendarDate;
  weekKey: string;
  monthKey: string;
  quarterIndex: number;
  closedBy: 'holiday' | 'blackout' | null;
  blackout: string | null;
}

interface Need extends PlannerNeed {
  neighbourhood: PlannerNeighbourhood;
}

/** Proposes a date for every due meeting in the period, or says why it could not. */
export function proposeMeetingSchedule(input: PlannerInput): PlannerResult {
  const proposals: Proposal[] = [];
  const unplaced: Unplaced[] = [];
  const kinds = new Set(input.kindCodes);
  const fail = (need: Need, reasonCode: UnplacedReason, reason: Texts) =>
    unplaced.push({ neighbourhoodId: need.neighbourhood.id, neighbourhoodName: need.neighbourhood.name, kindCode: need.kindCode, reasonCode, reason });

  // The weekdays of the period in planning order: week by week, within a week the preferred days first.
  const days = weekdaysOf(input);
  const quarters = [...new Set(days.map((day) => quarterOf(day.date)))];
  const daysByQuarter = quarters.map(() => [] as Day[]);
  for (const day of days) daysByQuarter[day.quarterIndex].push(day);

  const blocked = new Map<string, Set<CalendarDate>>();
  for (const period of input.blockedPeriods) {
    const dates = blocked.get(period.userId) ?? new Set<CalendarDate>();
    blocked.set(period.userId, dates);
    const start = laterOf(period.from, input.from);
    for (let date = start; date <= period.to && date <= input.to; date = addDays(date, 1)) dates.add(date);
  }

  // Per person, the weeks (by their Monday) an alderman is taken and the meetings per month of an advisor.
  const aldermanWeeks = new Map<string, Set<string>>();
  const advisorMonths = new Map<string, Map<string, number>>();
  const takeWeek = (aldermanId: string, weekKey: string) => {
    const weeks = aldermanWeeks.get(aldermanId) ?? new Set<string>();
    aldermanWeeks.set(aldermanId, weeks.add(weekKey));
  };
  const countMonth = (advisorId: string, monthKey: string) => {
    const months = advisorMonths.get(advisorId) ?? new Map<string, number>();
    advisorMonths.set(advisorId, months.set(monthKey, (months.get(monthKey) ?? 0) + 1));
  };
  for (const meeting of input.occupied) {
    const weekKey = mondayOf(meeting.date);
    for (const id of meeting.aldermanIds) takeWeek(id, weekKey);
    for (const id of meeting.advisorIds) countMonth(id, meeting.date.slice(0, 7));
  }

  // What needs a date: due by the end of the period, not planned yet, not agreed away.
  const needs: Need[] = [];
  for (const neighbourhood of input.neighbourhoods) {
    for (const need of neighbourhood.needs) {
      if (!kinds.has(need.kindCode)) continue;
      const item = { ...need, neighbourhood };
      const kind = kindNames[need.kindCode];
      const article = dutchArticle[need.kindCode];
      if (need.isExempt) fail(item, 'exempt', { nl: `In ${neighbourhood.name} is afgesproken dat ${article.the} ${kind.nl} niet apart plaatsvindt.`, en: `In ${neighbourhood.name} it has been agreed that the ${kind.en} does not take place separately.` });
      else if (need.nextPlannedOn) fail(item, 'alreadyPlanned', { nl: `${neighbourhood.name} heeft al een ${kind.nl} gepland op ${plainDate(need.nextPlannedOn, 'nl')}.`, en: `${neighbourhood.name} already has a ${kind.en} planned on ${plainDate(need.nextPlannedOn, 'en')}.` });
      else if (!need.nextDueOn || need.nextDueOn > input.to) {
        const when = need.nextDueOn ? { nl: `pas uiterlijk ${plainDate(need.nextDueOn, 'nl')}`, en: `only by ${plainDate(need.nextDueOn, 'en')}` } : { nl: 'niet', en: 'not' };
        fail(item, 'notDueInPeriod', { nl: `${capitalised(article.theNext)} ${kind.nl} van ${neighbourhood.name} is ${when.nl} aan de beurt, na deze periode.`, en: `The next ${kind.en} of ${neighbourhood.name} is due ${when.en}, after this period.` });
      } else needs.push(item);
    }
  }
  // The longest-waiting first: earliest due, then the one whose last meeting is longest ago (never held first), then
  // by id so the outcome does not depend on the order of the input.
  needs.sort(
    (a, b) =>
      compare(a.nextDueOn ?? '', b.nextDueOn ?? '') ||
      compare(a.lastHeldOn ?? '', b.lastHeldOn ?? '') ||
      compare(a.kindCode, b.kindCode) ||
      compare(a.neighbourhood.id, b.neighbourhood.id),
  );

  // Even spread: each quarter takes its share of the meetings, in proportion to its days in the period.
  // A single meeting may always go in the quarter it is due in, hence at least one.
  const quarterCapacity = daysByQuarter.map((quarterDays) => Math.max(1, Math.round((needs.length * quarterDays.length) / Math.max(days.length, 1))));
  const quarterLoad = quarters.map(() => 0);

  for (const need of needs) {
    const due = need.nextDueOn as CalendarDate;
    // Overdue: the first quarter; due within the period: its own quarter (the last, should it have no weekday).
    const dueIndex = quarters.indexOf(quarterOf(due));
    const dueQuarter = due < input.from ? 0 : dueIndex === -1 ? quarters.length - 1 : dueIndex;
    const seen = new Set<SkipReason>();
    const blackoutsSeen = new Set<string>();
    const fits = (day: Day) => {
      if (day.closedBy) {
        seen.add(day.closedBy);
        if (day.blackout) blackoutsSeen.add(day.blackout);
        return false;
      }
      for (const id of need.aldermanIds) {
        if (aldermanWeeks.get(id)?.has(day.weekKey)) return !seen.add('alderman');
        if (blocked.get(id)?.has(day.date)) return !seen.add('blocked');
      }
      for (const id of need.neighbourhood.advisorIds) {
        if ((advisorMonths.get(id)?.get(day.monthKey) ?? 0) >= input.maxPerAdvisorPerMonth) return !seen.add('advisorMonth');
        if (blocked.get(id)?.has(day.date)) return !seen.add('blocked');
      }
      return true;
    };

    // Before the due date in its own quarter; then earlier quarters, nearest first; then, late, from the due date on.
    let chosen: Day | undefined;
    let stage: 'onTime' | 'earlierQuarter' | 'late' = 'onTime';
    let metFullQuarter = false;
    const tryQuarter = (index: number, filter: (day: Day) => boolean) => {
      if (index < 0 || index >= quarters.length) return undefined;
      if (quarterLoad[index] >= quarterCapacity[index]) {
        metFullQuarter = true;
        return undefined;
      }
      return daysByQuarter[index].find((day) => filter(day) && fits(day));
    };
    chosen = tryQuarter(dueQuarter, (day) => day.date <= due);
    if (!chosen) {
      stage = 'earlierQuarter';
      for (let index = dueQuarter - 1; index >= 0 && !chosen; index--) chosen = tryQuarter(index, () => true);
    }
    if (!chosen) {
      stage = 'late';
      for (let index = dueQuarter; index < quarters.length && !chosen; index++) chosen = tryQuarter(index, (day) => day.date > due);
    }
    // Every quarter with a free day is at its share: better a fuller quarter than no meeting at all.
    let isOverShare = false;
    if (!chosen) {
      chosen = days.find((day) => fits(day));
      isOverShare = chosen !== undefined;
      stage = chosen && chosen.date <= due ? 'onTime' : 'late';
    }
    if (!chosen) {
      fail(need, 'noFreeDay', noFreeDayReason(need, seen, blackoutsSeen, input.maxPerAdvisorPerMonth));
      continue;
    }

    quarterLoad[chosen.quarterIndex]++;
    for (const id of need.aldermanIds) takeWeek(id, chosen.weekKey);
    for (const id of need.neighbourhood.advisorIds) countMonth(id, chosen.monthKey);
    proposals.push({
      neighbourhoodId: need.neighbourhood.id,
      neighbourhoodName: need.neighbourhood.name,
      kindCode: need.kindCode,
      date: chosen.date,
      ...plannedTimes[need.kindCode],
      quarter: quarterOf(chosen.date),
      explanation: explain(need, chosen, { stage, quarterWasFull: metFullQuarter, isOverShare, from: input.from, seen, blackoutsSeen, max: input.maxPerAdvisorPerMonth }),
    });
  }

  proposals.sort((a, b) => compare(a.date, b.date) || compare(a.kindCode, b.kindCode) || compare(a.neighbourhoodId, b.neighbourhoodId));
  unplaced.sort((a, b) => compare(a.neighbourhoodName, b.neighbourhoodName) || compare(a.neighbourhoodId, b.neighbourhoodId) || compare(a.kindCode, b.kindCode));
  return { proposals, unplaced };
}

/** The later of two calendar days (strings: Math.max would make numbers of them). */
function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compare(a, b) >= 0 ? a : b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mondayOf(date: CalendarDate): CalendarDate {
  const weekday = weekdayOf(date);
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
}

/** The period's weekdays, each with its week, month, quarter and whether a holiday or blackout closes it. */
function weekdaysOf(input: PlannerInput): Day[] {
  const blackoutByDay = new Map<CalendarDate, string>();
  for (const period of input.blackoutPeriods) {
    const start = laterOf(period.from, input.from);
    for (let date = start; date <= period.to && date <= input.to; date = addDays(date, 1)) if (!blackoutByDay.has(date)) blackoutByDay.set(date, period.description);
  }
  const days: Day[] = [];
  const quarterIndex = new Map<string, number>();
  if (input.from > input.to) return days;
  for (let monday = mondayOf(input.from); monday <= input.to; monday = addDays(monday, 7)) {
    for (const weekday of weekdayPreference) {
      const date = addDays(monday, weekday - 1);
      if (date < input.from || date > input.to) continue;
      const quarter = quarterOf(date);
      if (!quarterIndex.has(quarter)) quarterIndex.set(quarter, quarterIndex.size);
      const blackout = blackoutByDay.get(date) ?? null;
      const closedBy = !isWorkingDay(date) ? 'holiday' : blackout !== null ? 'blackout' : null;
      days.push({ date, weekKey: monday, monthKey: date.slice(0, 7), quarterIndex: quarterIndex.get(quarter) as number, closedBy, blackout: closedBy === 'blackout' ? blackout : null });
    }
  }
  return days;
}

function skippedBecause(need: Need, seen: Set<SkipReason>, blackouts: Set<string>, max: number): Texts | null {
  const parts: Texts[] = [];
  if (seen.has('holiday')) parts.push({ nl: 'een feestdag', en: 'a public holiday' });
  if (seen.has('blackout')) {
    const names = [...blackouts].sort().slice(0, 3).join(', ');
    parts.push({ nl: `een periode zonder overleg (${names})`, en: `a period without meetings (${names})` });
  }
  if (seen.has('alderman')) parts.push({ nl: `de wethouder had die week al een ${need.kindCode === 'wijkbezoek' ? 'overleg' : 'wijktafel'}`, en: `the alderman already had ${need.kindCode === 'wijkbezoek' ? 'a meeting' : 'a wijktafel'} that week` });
  if (seen.has('advisorMonth')) parts.push({ nl: `de adviseur had die maand al ${max} overleggen`, en: `the advisor already had ${max} meetings that month` });
  if (seen.has('blocked')) parts.push({ nl: 'de wethouder of adviseur was niet beschikbaar', en: 'the alderman or advisor was unavailable' });
  if (parts.length === 0) return null;
  const list = (language: 'nl' | 'en') => {
    const items = parts.map((part) => part[language]);
    const and = language === 'nl' ? ' en ' : ' and ';
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
  };
  return { nl: list('nl'), en: list('en') };
}

function dueSentence(need: Need, from: CalendarDate): Texts {
  const name = need.neighbourhood.name;
  const kind = kindNames[need.kindCode];
  const article = dutchArticle[need.kindCode];
  const due = need.nextDueOn as CalendarDate;
  const last = need.lastHeldOn;
  const isOverdue = due < from;
  if (!last) {
    return isOverdue || due === from
      ? { nl: `${name} heeft nog geen ${kind.nl} gehad, dus ${article.that} is nu aan de beurt.`, en: `${name} has not had a ${kind.en} yet, so one is due now.` }
      : { nl: `${name} heeft nog geen ${kind.nl} gehad; ${article.that} is aan de beurt uiterlijk ${plainDate(due, 'nl')}.`, en: `${name} has not had a ${kind.en} yet; one is due by ${plainDate(due, 'en')}.` };
  }
  return isOverdue
    ? { nl: `${name} had ${article.theLast} ${kind.nl} op ${plainDate(last, 'nl')}, dus ${article.theNext} was al aan de beurt op ${plainDate(due, 'nl')}.`, en: `${name} had its last ${kind.en} on ${plainDate(last, 'en')}, so the next one was already due by ${plainDate(due, 'en')}.` }
    : { nl: `${name} had ${article.theLast} ${kind.nl} op ${plainDate(last, 'nl')}, dus ${article.theNext} is aan de beurt uiterlijk ${plainDate(due, 'nl')}.`, en: `${name} had its last ${kind.en} on ${plainDate(last, 'en')}, so the next one is due by ${plainDate(due, 'en')}.` };
}

function explain(
  need: Need,
  day: Day,
  context: { stage: 'onTime' | 'earlierQuarter' | 'late'; quarterWasFull: boolean; isOverShare: boolean; from: CalendarDate; seen: Set<SkipReason>; blackoutsSeen: Set<string>; max: number },
): Texts {
  const weekday = weekdayOf(day.date);
  const quarter = quarterText(quarterOf(day.date));
  const first = { nl: `de eerste geschikte dag in ${quarter.nl}`, en: `the first suitable day in ${quarter.en}` };
  const isOverdue = (need.nextDueOn as CalendarDate) <= context.from;
  const chosen: Texts =
    context.isOverShare
      ? { nl: `Alle kwartalen hebben hun deel van de overleggen al; daarom ${first.nl}.`, en: `Every quarter already has its share of the meetings; so ${first.en}.` }
      : context.stage === 'earlierQuarter'
        ? { nl: `Het kwartaal van die datum heeft zijn deel van de overleggen al of geen vrije dag ervoor; daarom ${first.nl}.`, en: `The quarter of that date already has its share of the meetings or no free day before it; so ${first.en}.` }
        : context.stage === 'late' && isOverdue
          ? context.quarterWasFull
            ? { nl: `Dus zo vroeg mogelijk, maar de eerdere kwartalen hebben hun deel van de overleggen al; daarom ${first.nl}.`, en: `So as early as possible, but the earlier quarters already have their share of the meetings; so ${first.en}.` }
            : { nl: `Dus zo vroeg mogelijk: ${first.nl}.`, en: `So as early as possible: ${first.en}.` }
          : context.stage === 'late' && context.quarterWasFull
            ? { nl: `Vóór die datum hadden de kwartalen hun deel van de overleggen al of geen vrije dag; daarom ${first.nl} erna.`, en: `Before that date the quarters already had their share of the meetings or no free day; so ${first.en} after it.` }
          : context.stage === 'late'
            ? { nl: `Vóór die datum was er geen vrije dag; daarom ${first.nl} erna.`, en: `There was no free day before that date; so ${first.en} after it.` }
            : { nl: `Voorstel: ${first.nl}.`, en: `Proposed: ${first.en}.` };
  const proposed = { nl: `${weekdayNames.nl[weekday]} ${plainDate(day.date, 'nl')}`, en: `${weekdayNames.en[weekday]} ${plainDate(day.date, 'en')}` };
  const alderman = need.aldermanIds.length > 0 ? { nl: ` zonder andere ${need.kindCode === 'wijkbezoek' ? 'overleggen' : 'wijktafel'} voor de wethouder in die week`, en: ` without another ${need.kindCode === 'wijkbezoek' ? 'meeting' : 'wijktafel'} for the alderman that week` } : { nl: '', en: '' };
  const skipped = skippedBecause(need, context.seen, context.blackoutsSeen, context.max);
  const because = skipped ? { nl: ` Overgeslagen dagen: ${skipped.nl}.`, en: ` Days passed over: ${skipped.en}.` } : { nl: '', en: '' };
  const due = dueSentence(need, context.from);
  const sentence = (language: 'nl' | 'en') => `${due[language]} ${chosen[language].slice(0, -1)}${alderman[language]}: ${proposed[language]}.${because[language]}`;
  return { nl: sentence('nl'), en: sentence('en') };
}

function noFreeDayReason(need: Need, seen: Set<SkipReason>, blackouts: Set<string>, max: number): Texts {
  const kind = kindNames[need.kindCode];
  const article = dutchArticle[need.kindCode];
  const skipped = skippedBecause(need, seen, blackouts, max);
  const name = need.neighbourhood.name;
  return skipped
    ? { nl: `Geen enkele werkdag in de periode was vrij voor ${article.the} ${kind.nl} van ${name}: ${skipped.nl}.`, en: `No working day in the period was free for the ${kind.en} of ${name}: ${skipped.en}.` }
    : { nl: `De periode heeft geen werkdag voor ${article.the} ${kind.nl} van ${name}.`, en: `The period has no working day for the ${kind.en} of ${name}.` };
}
