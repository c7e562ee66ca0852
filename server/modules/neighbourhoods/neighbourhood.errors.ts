import { defineErrors } from '../../platform/errors.ts';

/** Neighbourhoods and development areas: the module's own field messages. */
export const neighbourhoodErrors = defineErrors({
  fieldMessages: {
    notADevelopmentArea: { nl: 'Alleen in een ontwikkelingswijk met een programmamanager worden hierover afspraken gemaakt.', en: 'This agreement is made only in a development area with a programme manager.' },
    notAFeatureCollection: {
      nl: 'Het bestand is geen GeoJSON FeatureCollection (het type is “{type}”). Kies een wijk- en buurtkaart met "type": "FeatureCollection".',
      en: 'The file is not a GeoJSON FeatureCollection (its type is “{type}”). Choose a neighbourhood map with "type": "FeatureCollection".',
    },
    noFeatures: { nl: 'Het bestand bevat geen wijken of buurten (de lijst “features” is leeg).', en: 'The file contains no neighbourhoods or areas (the “features” list is empty).' },
    programmeManagerIsAdvisor: { nl: 'De programmamanager en de adviseur van deze wijk zijn twee verschillende mensen: zij maken samen de afspraken.', en: 'The programme manager and the advisor of this neighbourhood are two different people: they agree with each other.' },
  },
});
