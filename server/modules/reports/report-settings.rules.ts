import { z } from 'zod';
import type { Language } from '../../platform/language.ts';
import { type SettableStatus, settableStatuses } from './report.workflow.ts';

/** Why a reporter may be unhappy; a report that was not really solved is opened again. */
export const defaultSatisfactionReasons = [
  { code: 'niet-opgelost', nl: 'Het probleem is niet opgelost', en: 'The problem has not been solved', reopens: true },
  { code: 'slecht-uitgevoerd', nl: 'Het is slecht uitgevoerd', en: 'The work was done badly', reopens: true },
  { code: 'te-lang', nl: 'Het duurde te lang', en: 'It took too long', reopens: false },
  { code: 'geen-informatie', nl: 'Ik kreeg te weinig informatie', en: 'I was told too little', reopens: false },
  { code: 'anders', nl: 'Iets anders', en: 'Something else', reopens: false },
];

const message = z.object({ nl: z.string().trim().min(10).max(2000), en: z.string().trim().min(10).max(2000) });

/**
 * What a municipality sets for its reports: the standard message per status the reporter receives, and how long
 * a reporter's contact data are kept after the report closes. Stored in municipality.settings.reports; every field
 * has a default.
 */
export const reportSettingsSchema = z
  .object({
    standardMessages: z.partialRecord(z.enum(settableStatuses), message).default({}).describe('Per status; a status not listed uses the built-in text'),
    contactRetentionMonths: z.number().int().min(1).max(60).default(12).describe('Reporters’ contact data are erased this many months after the report closes'),
    satisfactionReasons: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .regex(/^[a-z0-9-]{2,30}$/, 'field:codeFormat'),
          nl: z.string().trim().min(2).max(200),
          en: z.string().trim().min(2).max(200),
          reopens: z.boolean().describe('An unhappy answer with this reason reopens the report'),
        }),
      )
      .max(20)
      .default(defaultSatisfactionReasons)
      .describe('Why a reporter is not satisfied, and which reasons reopen the report'),
  })
  .meta({ id: 'ReportSettings' });
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const defaultStandardMessages: Record<SettableStatus, Record<Language, string>> = {
  accepted: {
    nl: 'Wij hebben uw melding bekeken en gaan ermee aan de slag.',
    en: 'We have looked at your report and will deal with it.',
  },
  in_progress: {
    nl: 'Wij zijn met uw melding bezig.',
    en: 'We are working on your report.',
  },
  planned: {
    nl: 'Het werk aan uw melding is ingepland.',
    en: 'The work on your report has been scheduled.',
  },
  done: {
    nl: 'Wij hebben uw melding afgehandeld. Dank u wel dat u het meldde.',
    en: 'We have dealt with your report. Thank you for reporting it.',
  },
  cancelled: {
    nl: 'Wij hebben uw melding gesloten zonder actie, omdat er na controle niets te herstellen was.',
    en: 'We have closed your report without action, because after checking there was nothing to repair.',
  },
  forwarded: {
    nl: 'Dit valt niet onder de gemeente. Wij hebben uw melding doorgestuurd naar de partij die erover gaat.',
    en: 'This is not the municipality’s responsibility. We have forwarded your report to the party that handles it.',
  },
  reopened: {
    nl: 'Wij hebben uw melding opnieuw geopend en kijken er nog eens naar.',
    en: 'We have reopened your report and will look at it again.',
  },
};

export function resolveReportSettings(stored: unknown): ReportSettings {
  const parsed = reportSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : reportSettingsSchema.parse({});
}

/** The message a reporter gets for a status: what staff wrote, else the municipality's standard text, else ours. */
export function messageForStatus(settings: ReportSettings, status: SettableStatus, language: Language): string {
  return settings.standardMessages[status]?.[language] ?? defaultStandardMessages[status][language];
}
