import { z } from 'zod';

/** A CBS wijk- en buurtkaart for one municipality is a few megabytes; this leaves room without inviting abuse. */
export const areaImportBodyLimit = 20 * 1024 * 1024;
export const areaImportMaxFeatures = 20_000;
/** A GeoPackage of a whole province, with its gemeenten, wijken and buurten layers, fits; the country's does not. */
export const geoPackageBodyLimit = 300 * 1024 * 1024;

export const areaImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().describe('"true": count what would change, save nothing'),
});

/** The file as uploaded: a GeoJSON FeatureCollection; each feature is checked on its own and reported. */
export const areaImportBody = z
  .object({
    // Checked by the service, so that a wrong file gets a message about files, not about a choice of values.
    type: z.string().max(100).describe('Must be "FeatureCollection"'),
    crs: z
      .unknown()
      .optional()
      .describe('The coordinate system, as PDOK and ogr2ogr write it ({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}): RD New (EPSG:28992) or WGS84 (EPSG:4326, CRS84). Without it the coordinates tell which of the two.'),
    features: z
      .array(z.unknown())
      .max(areaImportMaxFeatures)
      .describe('Features with CBS properties (wijkcode, wijknaam, buurtcode, buurtnaam, gemeentecode) and Polygon or MultiPolygon geometry in RD New or WGS84'),
  })
  .meta({ id: 'AreaImportFile' });

export const areaImportReportSchema = z
  .object({
    isDryRun: z.boolean().describe('True when nothing was saved'),
    created: z.number().int().describe('Wijken and buurten added (or that would be)'),
    updated: z.number().int().describe('Wijken and buurten whose name or boundary changed'),
    unchanged: z.number().int().describe('Already as in the file'),
    otherMunicipalities: z.number().int().describe('Features of other municipalities (a province or the whole country in one file): skipped, not listed'),
    rejected: z
      .array(
        z.object({
          index: z.number().int().describe("The feature's position in the file, from 0"),
          code: z.string().nullable().describe('Its CBS code, when it had one'),
          problem: z.string().describe('Stable code of the reason: notAFeature, noCode, noGeometry, notAPolygon, invalidCoordinates, rdNew, outsideWgs84, outsideNetherlands, swappedCoordinates, invalidPolygon, invalidBuurtcode, invalidWijkcode, noBuurtnaam, noWijknaam, duplicateCode'),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('Values the reason names, e.g. municipalityCode and expected'),
          reason: z.string().describe('The reason in English, as the command prints it'),
        }),
      )
      .describe('Features skipped, with the reason'),
  })
  .meta({ id: 'AreaImportReport' });
