import type { Language } from '../../platform/language.ts';

/** The words of the plan documents and exports, Dutch first. Kept apart so that a translator reads one file. */
export type ProgressStatus = 'not_started' | 'on_track' | 'at_risk' | 'delayed' | 'done' | 'dropped';

type Words = Record<Language, string>;

/** A status in words, so that nothing depends on colour alone (WCAG 1.4.1). */
export const statusWords: Record<ProgressStatus, Words> = {
  not_started: { nl: 'niet gestart', en: 'not started' },
  on_track: { nl: 'op schema', en: 'on track' },
  at_risk: { nl: 'risico', en: 'at risk' },
  delayed: { nl: 'vertraagd', en: 'delayed' },
  done: { nl: 'afgerond', en: 'done' },
  dropped: { nl: 'vervallen', en: 'dropped' },
};

export const documentWords = {
  actionPlan: { nl: 'Wijkactieplan', en: 'Neighbourhood action plan' },
  progressReport: { nl: 'Voortgangsrapportage', en: 'Progress report' },
  municipality: { nl: 'Gemeente', en: 'Municipality of' },
  draft: { nl: 'Concept', en: 'Draft' },
  version: { nl: 'Versie', en: 'Version' },
  adoptedOn: { nl: 'vastgesteld op', en: 'adopted on' },
  period: { nl: 'Periode', en: 'Period' },
  until: { nl: 'tot en met', en: 'to' },
  generatedOn: { nl: 'Gemaakt op', en: 'Generated on' },
  themes: { nl: 'Thema’s', en: 'Themes' },
  noActions: { nl: 'Bij deze opgave staan nog geen acties.', en: 'This challenge has no actions yet.' },
  columnAction: { nl: 'Actie', en: 'Action' },
  columnMeasurable: { nl: 'Meetbaar', en: 'Measurable' },
  columnOwner: { nl: 'Trekker', en: 'Owner' },
  columnStart: { nl: 'Start', en: 'Start' },
  columnDeadline: { nl: 'Uiterlijk klaar', en: 'Deadline' },
  columnStatus: { nl: 'Status', en: 'Status' },
  columnProgress: { nl: 'Stand', en: 'Progress' },
  columnNote: { nl: 'Toelichting', en: 'Note' },
  location: { nl: 'Locatie', en: 'Location' },
  now: { nl: 'nu', en: 'now' },
  overdue: { nl: 'te laat', en: 'overdue' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  figure: { nl: 'Onderdeel', en: 'Item' },
  count: { nl: 'Aantal', en: 'Number' },
  rollupTotal: { nl: 'Acties in totaal', en: 'Actions in total' },
  rollupDone: { nl: 'Afgerond', en: 'Done' },
  rollupPercentDone: { nl: 'Percentage afgerond', en: 'Percentage done' },
  rollupOverdue: { nl: 'Te laat', en: 'Overdue' },
  rollupAtRisk: { nl: 'Met risico', en: 'At risk' },
  rollupDelayed: { nl: 'Vertraagd', en: 'Delayed' },
  rollupDropped: { nl: 'Vervallen', en: 'Dropped' },
  notYetKnown: { nl: 'nog niet bekend', en: 'not yet known' },
  successes: { nl: 'Successen', en: 'Successes' },
  noSuccesses: { nl: 'In deze periode is nog geen actie afgerond.', en: 'No action was completed in this period yet.' },
  doneOn: { nl: 'afgerond op', en: 'done on' },
  planOf: { nl: 'Bij wijkactieplan', en: 'For action plan' },
  page: { nl: 'Pagina', en: 'Page' },
  of: { nl: 'van', en: 'of' },
} as const satisfies Record<string, Words>;

export type DocumentWord = keyof typeof documentWords;

export const word = (key: DocumentWord, language: Language): string => documentWords[key][language];

const monthNames: Record<Language, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * "4 december 2026" / "4 December 2026". Spelled out in code from the YYYY-MM-DD text rather than through a Date
 * and Intl: a calendar date has no time zone to shift it, and a table of 200 actions formats many dates.
 */
export function formatDate(value: string, language: Language): string {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return value;
  return `${day} ${monthNames[language][month - 1]} ${year}`;
}

const numberFormats: Record<Language, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** 1.250,5 in Dutch, 1,250.5 in English: how a reader of that language expects a figure. */
export function formatNumber(value: number, language: Language): string {
  return numberFormats[language].format(value);
}

/** The BCP 47 tag for the PDF's /Lang, which screen readers use to pick a voice. */
export const documentLanguageTag: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
