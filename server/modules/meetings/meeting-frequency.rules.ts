import { readableDate } from '../../platform/readable-date.ts';
import { type CalendarDate, dateInAmsterdam } from '../../platform/working-days.ts';
import type { MeetingKindRules } from './meeting.rules.ts';

// How often each kind of meeting is due per neighbourhood (§3.2 "Frequentie"): a wijktafel once every two years,
// a wijkwerkoverleg a tailored number of times a year, a wijkbezoek once per college term. Pure: the service passes
// the meetings, the terms from the registry and today's date.

export type FrequencyKind = Pick<MeetingKindRules, 'code' | 'frequencyRule' | 'frequencyValue'>;

/** A college term (collegeperiode) from the registry; both days belong to it. */
export interface Term {
  startsOn: CalendarDate;
  endsOn: CalendarDate;
}

/**
 * What the advisor and the programme manager agreed for a development area (§3.3, last bullet): whether the
 * wijktafel and the wijkwerkoverleg take place there and how often. It never decides on the wijkbezoek.
 */
export interface DevelopmentAreaAgreement {
  isExempt: boolean;
  reason: string | null;
  /** When set (a whole number, 1 or more), the kind is due this many times per calendar year instead of its own rule. */
  expectedPerYear?: number;
}

export interface FrequencyInput {
  kind: FrequencyKind;
  /**
   * The days of this neighbourhood's meetings of this kind, held or planned, cancelled ones left out. A calendar
   * day (2026-12-31) is taken as it is; a moment (2026-12-31T23:30:00Z) counts on its day in Europe/Amsterdam.
   */
  meetingDates: string[];
  terms: Term[];
  /** The neighbourhood's yearly target for a yearly_target kind (the note: 1 to 3); null when not recorded. */
  yearlyTarget: number | null;
  developmentAgreement: DevelopmentAreaAgreement | null;
  today: CalendarDate;
}

export interface FrequencyStatus {
  /** The last meeting on or before today: a meeting today counts as held. */
  lastHeldOn: CalendarDate | null;
  nextPlannedOn: CalendarDate | null;
  /** The day by which the next meeting should have taken place; null when none is due. */
  nextDueOn: CalendarDate | null;
  /** Today is past `nextDueOn`. A kind that was never held is due today, not overdue. */
  isOverdue: boolean;
  isExempt: boolean;
  exemptReason: string | null;
  explanation: { nl: string; en: string };
}

/** Kinds whose form in a development area the agreement decides (§3.3); never the wijkbezoek. */
const kindsDecidedByAgreement: ReadonlySet<string> = new Set(['wijktafel', 'wijkwerkoverleg']);

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in the Netherlands: a day stays itself, a moment becomes its day in Europe/Amsterdam. */
export function calendarDateOf(value: string): CalendarDate {
  return isoDay.test(value) ? value : dateInAmsterdam(new Date(value));
}

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeapYear ? '02-28' : monthDay}`;
}

function lastDayOfMonth(year: number, month: number): CalendarDate {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * With a target of `target` meetings a year, the year is cut into equal stretches of whole months and the k-th
 * meeting is due by the end of the k-th stretch: twice a year by 30 June and 31 December, three times by 30 April,
 * 31 August and 31 December. So a neighbourhood that has had none by the summer shows as overdue then, not only
 * at new year.
 */
function yearlyDueOn(year: number, target: number, ordinal: number): CalendarDate {
  return lastDayOfMonth(year, Math.ceil((12 * ordinal) / target));
}

/** The term a day belongs to; where two terms share a day (one ends as the next begins), the newer one. */
export function termOf(date: CalendarDate, terms: Term[]): Term | null {
  const containing = terms.filter((term) => term.startsOn <= date && date <= term.endsOn);
  return containing.reduce<Term | null>((latest, term) => (!latest || term.startsOn > latest.startsOn ? term : latest), null);
}

function isPositiveWholeNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

type Texts = { nl: string; en: string };
const day = (date: CalendarDate) => ({ nl: readableDate(date, 'nl'), en: readableDate(date, 'en') });
const join = (...parts: (Texts | null)[]): Texts => {
  const present = parts.filter((part): part is Texts => part !== null);
  return { nl: present.map((part) => part.nl).join(' '), en: present.map((part) => part.en).join(' ') };
};

/** Whether and when a neighbourhood's next meeting of this kind is due, with the reason in words. */
export function frequencyStatus(input: FrequencyInput): FrequencyStatus {
  const { kind, today } = input;
  // Two meetings on one day are two meetings: no de-duplication.
  const dates = input.meetingDates.map(calendarDateOf).sort();
  const held = dates.filter((date) => date <= today);
  const lastHeldOn = held.at(-1) ?? null;
  const nextPlannedOn = dates.find((date) => date > today) ?? null;
  const base = { lastHeldOn, nextPlannedOn, isExempt: false, exemptReason: null };
  const agreement = kindsDecidedByAgreement.has(kind.code) ? input.developmentAgreement : null;

  if (agreement?.isExempt) {
    const reason = agreement.reason?.trim() || null;
    const explanation = join(
      { nl: 'In deze ontwikkelingswijk is afgesproken dat dit overleg niet apart plaatsvindt.', en: 'In this development area it has been agreed that this meeting does not take place separately.' },
      reason ? { nl: `Reden: ${reason}`, en: `Reason: ${reason}` } : null,
    );
    return { ...base, nextDueOn: null, isOverdue: false, isExempt: true, exemptReason: reason, explanation };
  }

  const planned = nextPlannedOn ? { nl: `Het volgende staat gepland op ${day(nextPlannedOn).nl}.`, en: `The next one is planned for ${day(nextPlannedOn).en}.` } : null;
  const finish = (nextDueOn: CalendarDate | null, explanation: Texts): FrequencyStatus => {
    const isOverdue = nextDueOn !== null && today > nextDueOn;
    const overdue = isOverdue ? { nl: 'Die datum is verstreken.', en: 'That date has passed.' } : null;
    return { ...base, nextDueOn, isOverdue, explanation: join(explanation, overdue, planned) };
  };

  if (agreement && isPositiveWholeNumber(agreement.expectedPerYear)) {
    const source = { nl: 'zoals afgesproken voor deze ontwikkelingswijk', en: 'as agreed for this development area' };
    return yearlyStatus(agreement.expectedPerYear, source, held, today, finish);
  }

  switch (kind.frequencyRule) {
    case 'every_years': {
      const years = isPositiveWholeNumber(kind.frequencyValue) ? kind.frequencyValue : 1;
      if (!lastHeldOn) return finish(today, { nl: `Eens per ${years} jaar, en nog nooit gehouden: nu aan de beurt.`, en: `Once every ${years} years, and never held yet: due now.` });
      const due = addYears(lastHeldOn, years);
      return finish(due, { nl: `Eens per ${years} jaar; het laatste was op ${day(lastHeldOn).nl}, dus het volgende uiterlijk ${day(due).nl}.`, en: `Once every ${years} years; the last one was on ${day(lastHeldOn).en}, so the next one is due by ${day(due).en}.` });
    }
    case 'yearly_target': {
      if (isPositiveWholeNumber(input.yearlyTarget)) return yearlyStatus(input.yearlyTarget, { nl: 'zoals voor deze wijk vastgelegd', en: 'as recorded for this neighbourhood' }, held, today, finish);
      // Not recorded yet: the note's lower bound (once a year) until the advisor has sounded out the need.
      const fallback = isPositiveWholeNumber(kind.frequencyValue) ? kind.frequencyValue : 1;
      return yearlyStatus(fallback, { nl: 'het aantal voor deze wijk is nog niet vastgelegd', en: 'the number for this neighbourhood has not been recorded yet' }, held, today, finish);
    }
    case 'per_council_term':
      return termStatus(isPositiveWholeNumber(kind.frequencyValue) ? kind.frequencyValue : 1, held, input.terms, today, finish);
    case 'none':
      return { ...base, nextDueOn: null, isOverdue: false, explanation: { nl: 'Voor dit soort overleg geldt geen vaste frequentie.', en: 'This kind of meeting has no fixed frequency.' } };
  }
}

type Finish = (nextDueOn: CalendarDate | null, explanation: Texts) => FrequencyStatus;

function yearlyStatus(target: number, source: Texts, held: CalendarDate[], today: CalendarDate, finish: Finish): FrequencyStatus {
  const year = Number(today.slice(0, 4));
  const heldThisYear = held.filter((date) => date.startsWith(`${year}-`)).length;
  const times = { nl: `${target} keer`, en: target === 1 ? 'Once' : target === 2 ? 'Twice' : `${target} times` };
  const goal = { nl: `${times.nl} per jaar (${source.nl}); in ${year} ${heldThisYear} gehouden.`, en: `${times.en} a year (${source.en}); ${heldThisYear} held in ${year}.` };
  if (heldThisYear >= target) {
    const due = yearlyDueOn(year + 1, target, 1);
    return finish(due, join(goal, { nl: `Het doel voor ${year} is gehaald; het volgende is aan de beurt uiterlijk ${day(due).nl}.`, en: `The target for ${year} has been met; the next one is due by ${day(due).en}.` }));
  }
  const due = yearlyDueOn(year, target, heldThisYear + 1);
  return finish(due, join(goal, { nl: `Het volgende is aan de beurt uiterlijk ${day(due).nl}.`, en: `The next one is due by ${day(due).en}.` }));
}

function termStatus(perTerm: number, held: CalendarDate[], terms: Term[], today: CalendarDate, finish: Finish): FrequencyStatus {
  const term = termOf(today, terms);
  if (!term) {
    return finish(null, { nl: 'Er is geen collegeperiode vastgelegd waar vandaag in valt; een beheerder kan de periodes invullen.', en: 'No college term that includes today has been recorded; an administrator can enter the terms.' });
  }
  const heldInTerm = held.filter((date) => termOf(date, terms) === term);
  const period = { nl: `${perTerm === 1 ? 'Eens' : `${perTerm} keer`} per collegeperiode (${day(term.startsOn).nl} tot en met ${day(term.endsOn).nl}).`, en: `${perTerm === 1 ? 'Once' : `${perTerm} times`} per college term (${day(term.startsOn).en} to ${day(term.endsOn).en}).` };
  if (heldInTerm.length < perTerm) {
    return finish(term.endsOn, join(period, { nl: `In deze periode ${heldInTerm.length} gehouden; het volgende uiterlijk ${day(term.endsOn).nl}.`, en: `${heldInTerm.length} held in this term; the next one is due by ${day(term.endsOn).en}.` }));
  }
  const next = terms.filter((candidate) => candidate.startsOn > term.startsOn).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null;
  const done = { nl: `In deze periode al gehouden op ${day(heldInTerm.at(-1)!).nl}.`, en: `Already held in this term, on ${day(heldInTerm.at(-1)!).en}.` };
  if (!next) return finish(null, join(period, done, { nl: 'Het volgende hoort in de volgende collegeperiode.', en: 'The next one belongs in the next college term.' }));
  return finish(next.endsOn, join(period, done, { nl: `Het volgende hoort in de volgende collegeperiode, uiterlijk ${day(next.endsOn).nl}.`, en: `The next one belongs in the next college term, by ${day(next.endsOn).en}.` }));
}

/**
 * True when a kind held a fixed number of times per college term already has that many in the term of `plannedOn`
 * (a second wijkbezoek in one term needs an override with a reason). `meetingDates` are the other meetings, held or
 * planned, cancelled ones and the one being planned left out. False for other kinds and for a day in no known term.
 */
export function exceedsTermLimit(kind: FrequencyKind, meetingDates: string[], terms: Term[], plannedOn: string): boolean {
  if (kind.frequencyRule !== 'per_council_term') return false;
  const term = termOf(calendarDateOf(plannedOn), terms);
  if (!term) return false;
  const inTerm = meetingDates.map(calendarDateOf).filter((date) => termOf(date, terms) === term);
  return inTerm.length >= (isPositiveWholeNumber(kind.frequencyValue) ? kind.frequencyValue : 1);
}
