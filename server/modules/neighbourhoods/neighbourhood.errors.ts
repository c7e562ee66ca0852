import { defineErrors } from '../../platform/errors.ts';

/** Neighbourhoods and development areas: the module's own field messages. */
export const neighbourhoodErrors = defineErrors({
  fieldMessages: {
    notADevelopmentArea: { nl: 'Alleen in een ontwikkelingswijk met een programmamanager worden hierover afspraken gemaakt.', en: 'This agreement is made only in a development area with a programme manager.' },
    programmeManagerIsAdvisor: { nl: 'De programmamanager en de adviseur van deze wijk zijn twee verschillende mensen: zij maken samen de afspraken.', en: 'The programme manager and the advisor of this neighbourhood are two different people: they agree with each other.' },
  },
});
