import { defineErrors } from '../../platform/errors.ts';

/** The staggered planner's field messages; endBeforeStart, duplicate and dateNotInFuture are the platform's. */
export const meetingPlannerErrors = defineErrors({
  fieldMessages: {
    plannerPeriodTooLong: { nl: 'Plan hooguit drie jaar vooruit; kies een eerdere einddatum.', en: 'Plan at most three years ahead; choose an earlier end date.' },
    neighbourhoodNotYours: { nl: 'Deze wijk hoort niet bij de wijken waarvoor u adviseur bent.', en: 'This neighbourhood is not one of the neighbourhoods you are the advisor for.' },
    plannerWeekdayOnly: { nl: 'Overleggen van de planner vallen op een werkdag: maandag tot en met vrijdag, geen feestdag.', en: 'The planner’s meetings fall on a working day: Monday to Friday, not a public holiday.' },
    meetingAlreadyPlanned: {
      nl: 'Deze wijk heeft hiervoor al een overleg gepland (of een concept). Vraag de voorstellen opnieuw op.',
      en: 'This neighbourhood already has this meeting planned (or a draft). Ask for the proposals again.',
    },
  },
});
