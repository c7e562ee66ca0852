import { defineErrors } from '../../platform/errors.ts';

/** Neighbourhoods and development areas: the module's own field messages. */
export const neighbourhoodErrors = defineErrors({
  codes: {
    AREA_FILE_REFUSED: {
      status: 422,
      title: { nl: 'Kaart niet geïmporteerd', en: 'Map not imported' },
      detail: {
        nl: 'Er is niets opgeslagen: {count} onderdelen van het bestand kloppen niet (zie de lijst). Verbeter het bestand en importeer het opnieuw.',
        en: 'Nothing was saved: {count} parts of the file are not right (see the list). Correct the file and import it again.',
      },
    },
  },
  fieldMessages: {
    // Why one feature of a wijk- en buurtkaart cannot be imported; the field names its position in the file.
    areaDuplicateCode: { nl: "Dezelfde code staat al eerder in het bestand.", en: "The same code appears earlier in the file." },
    areaInvalidBuurtcode: { nl: "Een buurtcode is BU met acht cijfers.", en: "A buurtcode is BU followed by eight digits." },
    areaInvalidCoordinates: { nl: "De coördinaten zijn geen geneste lijsten van [lengtegraad, breedtegraad].", en: "The coordinates are not nested lists of [longitude, latitude]." },
    areaInvalidPolygon: { nl: "Ongeldige vorm: elke ring heeft minstens 4 punten en eindigt waar hij begint.", en: "Invalid shape: every ring needs at least 4 points and must end where it starts." },
    areaInvalidWijkcode: { nl: "Een wijkcode is WK met zes cijfers.", en: "A wijkcode is WK followed by six digits." },
    areaNoBuurtnaam: { nl: "Geen buurtnaam.", en: "No buurtnaam." },
    areaNoCode: { nl: "Geen wijkcode of buurtcode.", en: "No wijkcode or buurtcode." },
    areaNoGeometry: { nl: "Geen vorm (geometry).", en: "No shape (geometry)." },
    areaNoWijknaam: { nl: "Geen wijknaam.", en: "No wijknaam." },
    areaNotAFeature: { nl: "Geen GeoJSON-Feature.", en: "Not a GeoJSON Feature." },
    areaNotAPolygon: { nl: "De vorm is een {geometryType}; alleen Polygon en MultiPolygon kunnen een wijk of buurt zijn.", en: "The shape is a {geometryType}; only Polygon and MultiPolygon can be a neighbourhood or area." },
    areaOutsideWgs84: { nl: "De coördinaten vallen buiten lengte- en breedtegraden (WGS84).", en: "The coordinates fall outside longitude and latitude (WGS84)." },
    areaRdNew: { nl: "De coördinaten lijken RD New (EPSG:28992), maar het bestand zegt WGS84. Geef in het bestand EPSG:28992 op, of laat de opgave weg.", en: "The coordinates look like RD New (EPSG:28992), but the file says WGS84. Declare EPSG:28992 in the file, or leave the declaration out." },
    areaOutsideNetherlands: { nl: "De grens ligt (deels) buiten Nederland.", en: "The boundary lies (partly) outside the Netherlands." },
    areaSwappedCoordinates: { nl: "Breedte- en lengtegraad lijken omgedraaid; GeoJSON wil eerst de lengtegraad.", en: "Latitude and longitude look swapped; GeoJSON needs longitude first." },
    notADevelopmentArea: { nl: 'Alleen in een ontwikkelingswijk met een programmamanager worden hierover afspraken gemaakt.', en: 'This agreement is made only in a development area with a programme manager.' },
    notAFeatureCollection: {
      nl: 'Het bestand is geen GeoJSON FeatureCollection (het type is “{type}”). Kies een wijk- en buurtkaart met "type": "FeatureCollection".',
      en: 'The file is not a GeoJSON FeatureCollection (its type is “{type}”). Choose a neighbourhood map with "type": "FeatureCollection".',
    },
    unsupportedCrs: {
      nl: 'Het bestand gebruikt het coördinatenstelsel “{crs}”. Wijkwerk leest RD New (EPSG:28992), waarin CBS en PDOK de wijk- en buurtkaart publiceren, en WGS84 (EPSG:4326). Exporteer de kaart in een van die twee.',
      en: 'The file uses the coordinate system “{crs}”. Wijkwerk reads RD New (EPSG:28992), in which CBS and PDOK publish the neighbourhood map, and WGS84 (EPSG:4326). Export the map in one of those two.',
    },
    notAGeoPackage: {
      nl: 'Het bestand is geen GeoPackage met kaartlagen. Kies de wijk- en buurtkaart van CBS als .gpkg, of als GeoJSON.',
      en: 'The file is not a GeoPackage with map layers. Choose the CBS neighbourhood map as .gpkg, or as GeoJSON.',
    },
    noFeatures: { nl: 'Het bestand bevat geen wijken of buurten (de lijst “features” is leeg).', en: 'The file contains no neighbourhoods or areas (the “features” list is empty).' },
    programmeManagerIsAdvisor: { nl: 'De programmamanager en de adviseur van deze wijk zijn twee verschillende mensen: zij maken samen de afspraken.', en: 'The programme manager and the advisor of this neighbourhood are two different people: they agree with each other.' },
  },
});
