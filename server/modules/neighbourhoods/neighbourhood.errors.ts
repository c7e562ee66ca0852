import { defineErrors } from '../../platform/errors.ts';

/** Neighbourhoods and development areas: the module's own field messages. */
export const neighbourhoodErrors = defineErrors({
  fieldMessages: {
    notADevelopmentArea: { nl: 'Alleen in een ontwikkelingswijk met een programmamanager worden hierover afspraken gemaakt.', en: 'This agreement is made only in a development area with a programme manager.' },
    notAFeatureCollection: {
      nl: 'Het bestand is geen GeoJSON FeatureCollection (het type is “{type}”). Kies een wijk- en buurtkaart met "type": "FeatureCollection".',
      en: 'The file is not a GeoJSON FeatureCollection (its type is “{type}”). Choose a neighbourhood map with "type": "FeatureCollection".',
    },
    unsupportedCrs: {
      nl: 'Het bestand gebruikt het coördinatenstelsel “{crs}”. Wijkwerk leest RD New (EPSG:28992), waarin CBS en PDOK de wijk- en buurtkaart publiceren, en WGS84 (EPSG:4326). Exporteer de kaart in een van die twee.',
      en: 'The file uses the coordinate system “{crs}”. Wijkwerk reads RD New (EPSG:28992), in which CBS and PDOK publish the neighbourhood map, and WGS84 (EPSG:4326). Export the map in one of those two.',
    },
    noFeatures: { nl: 'Het bestand bevat geen wijken of buurten (de lijst “features” is leeg).', en: 'The file contains no neighbourhoods or areas (the “features” list is empty).' },
    programmeManagerIsAdvisor: { nl: 'De programmamanager en de adviseur van deze wijk zijn twee verschillende mensen: zij maken samen de afspraken.', en: 'The programme manager and the advisor of this neighbourhood are two different people: they agree with each other.' },
  },
});
