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

  statusChanged(facts: ReportFacts & { statusNl: string; statusEn: string; message: Record<'nl' | 'en', string>; satisfactionUrl: string | null }): Notice {
    const ask = facts.satisfactionUrl;
    return {
      nl: {
        subject: `Uw melding ${facts.reference}: ${facts.statusNl}`,
        body: [
          facts.message.nl,
          `Meldnummer: ${facts.reference} (${facts.categoryName}).`,
          ask ? `Bent u tevreden over hoe wij uw melding hebben afgehandeld?\nJa: ${ask}?tevreden=ja\nNee: ${ask}?tevreden=nee` : `Bekijk uw melding: ${facts.statusUrl}`,
        ].join('\n\n'),
      },
      en: {
        subject: `Your report ${facts.reference}: ${facts.statusEn}`,
        body: [
          facts.message.en,
          `Report number: ${facts.reference} (${facts.categoryNameEn}).`,
          ask ? `Are you satisfied with how we dealt with your report?\nYes: ${ask}?tevreden=ja\nNo: ${ask}?tevreden=nee` : `See your report: ${facts.statusUrl}`,
        ].join('\n\n'),
      },
    };
  },
};

/** A duplicate merged into the report that was there first. */
export function mergedNotice(facts: { reference: string; originalReference: string; statusUrl: string }): Notice {
  return {
    nl: {
      subject: `Uw melding ${facts.reference} is samengevoegd`,
      body: [`Het probleem dat u meldde, was al eerder gemeld (melding ${facts.originalReference}). Wij hebben uw melding daarmee samengevoegd, zodat het één keer wordt opgelost.`, 'U krijgt voortaan bericht over die melding.', facts.statusUrl ? `Bekijk die melding: ${facts.statusUrl}` : ''].filter(Boolean).join('\n\n'),
    },
    en: {
      subject: `Your report ${facts.reference} has been merged`,
      body: [`The problem you reported had been reported before (report ${facts.originalReference}). We merged your report into it, so it is solved once.`, 'From now on you will hear about that report.', facts.statusUrl ? `See that report: ${facts.statusUrl}` : ''].filter(Boolean).join('\n\n'),
    },
  };
}

/** One part of a report split off for another department, with its own number and link. */
export function splitOffNotice(facts: { reference: string; parentReference: string; categoryName: string; categoryNameEn: string; statusUrl: string }): Notice {
  return {
    nl: {
      subject: `Deel van uw melding ${facts.parentReference} heeft een eigen nummer: ${facts.reference}`,
      body: [`Uw melding ${facts.parentReference} ging over meer dan één ding. Het deel over “${facts.categoryName}” behandelt een andere afdeling, onder meldnummer ${facts.reference}.`, `Hoe het daarmee staat: ${facts.statusUrl}`].join('\n\n'),
    },
    en: {
      subject: `Part of your report ${facts.parentReference} has its own number: ${facts.reference}`,
      body: [`Your report ${facts.parentReference} was about more than one thing. The part about “${facts.categoryNameEn}” is handled by another department, as report ${facts.reference}.`, `Where it stands: ${facts.statusUrl}`].join('\n\n'),
    },
  };
}

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
