import type { Language } from '../../platform/language.ts';
import { documentLanguageTag, formatDate, formatNumber, type ProgressStatus, statusWords, word } from './action-plan-document.words.ts';
import { bulletList, type CellLine, finishTaggedPdf, heading, keepSpace, paragraph, startTaggedPdf, type TableCell, type TableColumn, table } from './tagged-pdf-layout.ts';

/**
 * The wijkactieplan and its progress report as accessible, tagged PDF, rendered from plain data: the caller
 * (a route, a job) reads the plan and hands it over; nothing here touches the database or the web server.
 */

export type { Language } from '../../platform/language.ts';
export type { ProgressStatus } from './action-plan-document.words.ts';

export interface PlanDocumentAction {
  title: string;
  specific: string | null;
  location: string | null;
  indicator: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  /** A department, partner organisation or council: never a person. */
  ownerName: string | null;
  startsOn: string | null;
  deadlineOn: string | null;
  status: ProgressStatus | null;
  currentValue: number | null;
}

export interface PlanDocumentChallenge {
  title: string;
  description: string | null;
  themes: string[];
  actions: PlanDocumentAction[];
}

export interface PlanDocument {
  language: Language;
  municipalityName: string;
  neighbourhoodName: string;
  title: string;
  /** Null for a draft that is not adopted yet: the cover says "Concept". */
  versionNumber: number | null;
  adoptedOn: string | null;
  periodStartsOn: string;
  periodEndsOn: string;
  generatedOn: string;
  challenges: PlanDocumentChallenge[];
}

export interface ProgressReportAction {
  title: string;
  ownerName: string | null;
  deadlineOn: string | null;
  status: ProgressStatus;
  currentValue: number | null;
  target: number | null;
  unit: string | null;
  note: string | null;
  isOverdue: boolean;
}

export interface ProgressReportDocument {
  language: Language;
  municipalityName: string;
  neighbourhoodName: string;
  planTitle: string;
  versionNumber: number;
  reportNumber: number;
  periodStartsOn: string;
  periodEndsOn: string;
  generatedOn: string;
  rollup: { total: number; done: number; overdue: number; atRisk: number; delayed: number; dropped: number; percentDone: number | null };
  challenges: { title: string; actions: ProgressReportAction[] }[];
  successes: { title: string; doneOn: string | null }[];
}

const amount = (value: number, unit: string | null, language: Language) => `${formatNumber(value, language)}${unit ? ` ${unit}` : ''}`;
const periodText = (from: string, to: string, language: Language) =>
  `${word('period', language)}: ${formatDate(from, language)} ${word('until', language)} ${formatDate(to, language)}`;
const pageLabel = (language: Language) => (page: number, pageCount: number) => `${word('page', language)} ${page} ${word('of', language)} ${pageCount}`;

/** "Aantal meldingen: 120 → 80 meldingen"; what is unknown is left out rather than printed as "null". */
export function measurableText(action: Pick<PlanDocumentAction, 'indicator' | 'baseline' | 'target' | 'unit'>, language: Language): string {
  const from = action.baseline === null ? null : amount(action.baseline, action.target === null ? action.unit : null, language);
  const to = action.target === null ? null : amount(action.target, action.unit, language);
  const change = from !== null && to !== null ? `${from} → ${to}` : (to !== null ? `→ ${to}` : (from ?? ''));
  if (!action.indicator) return change;
  return change ? `${action.indicator}: ${change}` : action.indicator;
}

function planActionRow(action: PlanDocumentAction, language: Language): TableCell[] {
  const actionLines: CellLine[] = [{ text: action.title, isBold: true }];
  if (action.specific) actionLines.push({ text: action.specific });
  if (action.location) actionLines.push({ text: `${word('location', language)}: ${action.location}` });
  const measurable = measurableText(action, language);
  const statusLines: CellLine[] = action.status ? [{ text: statusWords[action.status][language] }] : [];
  if (action.currentValue !== null) statusLines.push({ text: `${word('now', language)}: ${amount(action.currentValue, action.unit, language)}` });
  return [
    actionLines,
    measurable ? [{ text: measurable }] : [],
    action.ownerName ? [{ text: action.ownerName }] : [],
    action.startsOn ? [{ text: formatDate(action.startsOn, language) }] : [],
    action.deadlineOn ? [{ text: formatDate(action.deadlineOn, language) }] : [],
    statusLines,
  ];
}

export async function renderPlanPdf(document: PlanDocument): Promise<Buffer> {
  const { language } = document;
  const documentName = `${word('actionPlan', language)} ${document.neighbourhoodName}`;
  const pdf = startTaggedPdf({
    title: document.title ? `${documentName}: ${document.title}` : documentName,
    languageTag: documentLanguageTag[language],
    author: document.municipalityName,
    subject: periodText(document.periodStartsOn, document.periodEndsOn, language),
    runningHeader: `${documentName} · ${document.municipalityName}`,
    pageLabel: pageLabel(language),
  });
  const { doc, root } = pdf;

  // Cover.
  paragraph(pdf, root, `${word('municipality', language)} ${document.municipalityName}`, { size: 12 });
  doc.moveDown(1);
  heading(pdf, root, 'H1', documentName);
  if (document.title) paragraph(pdf, root, document.title, { size: 14 });
  const version =
    document.versionNumber === null
      ? word('draft', language)
      : `${word('version', language)} ${document.versionNumber}${document.adoptedOn ? `, ${word('adoptedOn', language)} ${formatDate(document.adoptedOn, language)}` : ''}`;
  paragraph(pdf, root, version, { isBold: document.versionNumber === null, size: 12 });
  paragraph(pdf, root, periodText(document.periodStartsOn, document.periodEndsOn, language), { size: 12 });
  paragraph(pdf, root, `${word('generatedOn', language)} ${formatDate(document.generatedOn, language)}`, { size: 9 });

  const columns: TableColumn[] = [
    { header: word('columnAction', language), share: 0.3 },
    { header: word('columnMeasurable', language), share: 0.19 },
    { header: word('columnOwner', language), share: 0.14 },
    { header: word('columnStart', language), share: 0.12 },
    { header: word('columnDeadline', language), share: 0.13 },
    { header: word('columnStatus', language), share: 0.12 },
  ];
  document.challenges.forEach((challenge, index) => {
    if (index === 0) doc.addPage();
    const section = doc.struct('Sect');
    root.add(section);
    heading(pdf, section, 'H2', challenge.title);
    if (challenge.description) paragraph(pdf, section, challenge.description);
    if (challenge.themes.length > 0) {
      keepSpace(pdf, 40);
      paragraph(pdf, section, `${word('themes', language)}:`, { isBold: true });
      bulletList(pdf, section, challenge.themes);
    }
    if (challenge.actions.length === 0) paragraph(pdf, section, word('noActions', language));
    else
      table(
        pdf,
        section,
        columns,
        challenge.actions.map((action) => planActionRow(action, language)),
      );
    section.end();
  });
  return finishTaggedPdf(pdf);
}

function progressActionRow(action: ProgressReportAction, language: Language): TableCell[] {
  // Overdue in words next to the status: a reader who cannot see a colour still hears it.
  const status: CellLine[] = [{ text: statusWords[action.status][language] }];
  if (action.isOverdue) status.push({ text: word('overdue', language), isBold: true });
  const progress =
    action.currentValue === null
      ? action.target === null
        ? ''
        : `? / ${amount(action.target, action.unit, language)}`
      : action.target === null
        ? amount(action.currentValue, action.unit, language)
        : `${formatNumber(action.currentValue, language)} / ${amount(action.target, action.unit, language)}`;
  return [
    [{ text: action.title, isBold: true }],
    action.ownerName ? [{ text: action.ownerName }] : [],
    action.deadlineOn ? [{ text: formatDate(action.deadlineOn, language) }] : [],
    status,
    progress ? [{ text: progress }] : [],
    action.note ? [{ text: action.note }] : [],
  ];
}

export async function renderProgressReportPdf(document: ProgressReportDocument): Promise<Buffer> {
  const { language, rollup } = document;
  const title = `${word('progressReport', language)} ${document.reportNumber} — ${document.neighbourhoodName}`;
  const pdf = startTaggedPdf({
    title,
    languageTag: documentLanguageTag[language],
    author: document.municipalityName,
    subject: periodText(document.periodStartsOn, document.periodEndsOn, language),
    runningHeader: `${title} · ${document.municipalityName}`,
    pageLabel: pageLabel(language),
  });
  const { root } = pdf;

  paragraph(pdf, root, `${word('municipality', language)} ${document.municipalityName}`, { size: 11 });
  heading(pdf, root, 'H1', title);
  paragraph(pdf, root, `${word('planOf', language)} ${document.planTitle} (${word('version', language).toLowerCase()} ${document.versionNumber})`);
  paragraph(pdf, root, periodText(document.periodStartsOn, document.periodEndsOn, language));
  paragraph(pdf, root, `${word('generatedOn', language)} ${formatDate(document.generatedOn, language)}`, { size: 9 });

  heading(pdf, root, 'H2', word('summary', language));
  const figures: [string, string][] = [
    [word('rollupTotal', language), formatNumber(rollup.total, language)],
    [word('rollupDone', language), formatNumber(rollup.done, language)],
    [word('rollupPercentDone', language), rollup.percentDone === null ? word('notYetKnown', language) : `${formatNumber(rollup.percentDone, language)}%`],
    [word('rollupOverdue', language), formatNumber(rollup.overdue, language)],
    [word('rollupAtRisk', language), formatNumber(rollup.atRisk, language)],
    [word('rollupDelayed', language), formatNumber(rollup.delayed, language)],
    [word('rollupDropped', language), formatNumber(rollup.dropped, language)],
  ];
  table(
    pdf,
    root,
    [
      { header: word('figure', language), share: 0.6 },
      { header: word('count', language), share: 0.4 },
    ],
    figures.map(([label, value]) => [[{ text: label }], [{ text: value }]]),
    { rowHeaders: true },
  );

  const columns: TableColumn[] = [
    { header: word('columnAction', language), share: 0.25 },
    { header: word('columnOwner', language), share: 0.15 },
    { header: word('columnDeadline', language), share: 0.12 },
    { header: word('columnStatus', language), share: 0.11 },
    { header: word('columnProgress', language), share: 0.15 },
    { header: word('columnNote', language), share: 0.22 },
  ];
  for (const challenge of document.challenges) {
    const section = pdf.doc.struct('Sect');
    root.add(section);
    heading(pdf, section, 'H2', challenge.title);
    if (challenge.actions.length === 0) paragraph(pdf, section, word('noActions', language));
    else
      table(
        pdf,
        section,
        columns,
        challenge.actions.map((action) => progressActionRow(action, language)),
      );
    section.end();
  }

  const successes = pdf.doc.struct('Sect');
  root.add(successes);
  heading(pdf, successes, 'H2', word('successes', language));
  if (document.successes.length === 0) paragraph(pdf, successes, word('noSuccesses', language));
  else bulletList(pdf, successes, document.successes.map((success) => (success.doneOn ? `${success.title} (${word('doneOn', language)} ${formatDate(success.doneOn, language)})` : success.title)));
  successes.end();
  return finishTaggedPdf(pdf);
}
