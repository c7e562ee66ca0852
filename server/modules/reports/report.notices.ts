import type { Notice } from '../notifications/index.ts';
import { readableDate } from '../notifications/index.ts';

interface ReportFacts {
  reference: string;
  categoryName: string;
  categoryNameEn: string;
  handleBy: string | null;
  statusUrl: string;
  municipalityName: string;
}

/** What reporters hear, by e-mail (they have no account): both languages, sent in the one they reported in. */
export const reportNotices = {
  received(facts: ReportFacts): Notice {
    return {
      nl: {
        subject: `Uw melding ${facts.reference} is ontvangen`,
        body: [
          `Dank u wel voor uw melding over “${facts.categoryName}”. Uw meldnummer is ${facts.reference}.`,
          facts.handleBy
            ? `De gemeente ${facts.municipalityName} stuurt de melding door naar de afdeling die erover gaat en wil haar uiterlijk ${readableDate(facts.handleBy, 'nl')} hebben afgehandeld.`
            : `De gemeente ${facts.municipalityName} stuurt de melding door naar de afdeling die erover gaat.`,
          'U krijgt bericht als er iets verandert. Hoe het ervoor staat, ziet u ook altijd via deze link (u hoeft niet in te loggen):',
          facts.statusUrl,
          'Deel deze link niet met anderen.',
        ].join('\n\n'),
      },
      en: {
        subject: `Your report ${facts.reference} has been received`,
        body: [
          `Thank you for your report about “${facts.categoryNameEn}”. Your report number is ${facts.reference}.`,
          facts.handleBy
            ? `The municipality of ${facts.municipalityName} passes it to the department responsible and aims to have dealt with it by ${readableDate(facts.handleBy, 'en')}.`
            : `The municipality of ${facts.municipalityName} passes it to the department responsible.`,
          'You will hear from us when something changes. You can always see where it stands through this link (no login needed):',
          facts.statusUrl,
          'Do not share this link with others.',
        ].join('\n\n'),
      },
    };
  },

  statusChanged(facts: ReportFacts & { statusNl: string; statusEn: string; message: Record<'nl' | 'en', string> }): Notice {
    return {
      nl: {
        subject: `Uw melding ${facts.reference}: ${facts.statusNl}`,
        body: [facts.message.nl, `Meldnummer: ${facts.reference} (${facts.categoryName}).`, `Bekijk uw melding: ${facts.statusUrl}`].join('\n\n'),
      },
      en: {
        subject: `Your report ${facts.reference}: ${facts.statusEn}`,
        body: [facts.message.en, `Report number: ${facts.reference} (${facts.categoryNameEn}).`, `See your report: ${facts.statusUrl}`].join('\n\n'),
      },
    };
  },
};

/** Status names in messages to reporters. */
export const statusWords = {
  reported: { nl: 'gemeld', en: 'reported' },
  accepted: { nl: 'in behandeling genomen', en: 'accepted' },
  in_progress: { nl: 'in behandeling', en: 'in progress' },
  planned: { nl: 'ingepland', en: 'planned' },
  done: { nl: 'afgehandeld', en: 'done' },
  cancelled: { nl: 'geannuleerd', en: 'cancelled' },
  forwarded: { nl: 'doorgezet', en: 'forwarded' },
  reopened: { nl: 'heropend', en: 'reopened' },
  merged: { nl: 'samengevoegd', en: 'merged' },
} as const;
