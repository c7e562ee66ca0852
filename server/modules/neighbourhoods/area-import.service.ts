import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { declaredCrs, type ParsedFeature, parseFeatures, type RejectionProblem, type SourceCrs } from './area-import.rules.ts';
import { neighbourhoodErrors } from './neighbourhood.errors.ts';
import { readGeoPackage } from './geopackage.ts';
import { canManageNeighbourhoods } from './neighbourhood.policy.ts';
import { createNeighbourhoodRepository, type NeighbourhoodRepository } from './neighbourhood.repository.ts';
import { slugFromName } from './neighbourhood.rules.ts';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Features of other municipalities (a province's or the whole country's map): not this import's, so not listed one by one. */
  otherMunicipalities: number;
  /** index: the feature's position in the file's `features` array, from 0. */
  rejected: { index: number; code: string | null; problem: RejectionProblem; params?: Record<string, string | number>; reason: string }[];
}

export interface ImportOptions {
  /** Do everything, count it, then roll it all back. */
  dryRun?: boolean;
  /** Who imports, for the audit rows: an administrator in the web app; "system" for the command. */
  auditContext?: Pick<UseCaseContext, 'actor' | 'requestId'>;
  onProgress?: (done: number, total: number) => void;
  /** The file's coordinate system; without it, each feature's numbers tell WGS84 from RD New. */
  crs?: SourceCrs;
  /** Runs in the import's transaction after the last feature, unless it is a dry run: the audit row for the file. */
  beforeCommit?: (tx: Executor, report: ImportReport) => Promise<void>;
}

// The audit trail shows "system" as the actor and this as the request, like the demo seed's "demo-seed".
const auditContextLabel = 'import:areas';

/** Thrown to roll back a dry run once everything has been counted. */
class DryRunFinished extends Error {}

/**
 * Imports wijken and buurten from CBS-style features: upsert by CBS code, wijken before buurten, all in one
 * transaction with their audit rows, so an import that stops half way (the database gone, a wijk changed by someone
 * else meanwhile) leaves the map as it was. A file with rejected features is counted like a dry run and saves
 * nothing (`isSaved` false): half a map is worse than last year's. Features of other municipalities are counted and
 * skipped: a province's file is fine for each of its municipalities.
 */
export async function importAreas(
  dependencies: { db: Executor; clock: Clock },
  municipality: { id: string; cbsCode: string | null },
  features: unknown[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { db } = dependencies;
  const audit: AuditContext = { municipalityId: municipality.id, actor: options.auditContext?.actor, requestId: options.auditContext?.requestId ?? auditContextLabel };
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, otherMunicipalities: 0, rejected: [] };
  const onProgress = options.onProgress ?? (() => {});
  const parsed = parseFeatures(features, municipality.cbsCode, options.crs);
  for (const { index, result } of parsed) {
    if (result.kind !== 'rejected') continue;
    if (result.problem === 'otherMunicipality') report.otherMunicipalities++;
    else report.rejected.push({ index, code: result.code, problem: result.problem, ...(result.params ? { params: result.params } : {}), reason: result.reason });
  }
  let done = report.rejected.length + report.otherMunicipalities;
  onProgress(done, features.length);

  // Wijken first, so every buurt finds its wijk.
  const ordered = [
    ...parsed.flatMap(({ result }) => (result.kind === 'neighbourhood' ? [result] : [])),
    ...parsed.flatMap(({ result }) => (result.kind === 'area' ? [result] : [])),
  ];
  try {
    await inTransaction(db, async (tx) => {
      for (const result of ordered) {
        const outcome = result.kind === 'neighbourhood' ? await saveNeighbourhood(tx, dependencies.clock, audit, result) : await saveArea(tx, dependencies.clock, audit, result);
        for (const what of outcome) report[what]++;
        onProgress(++done, features.length);
      }
      // A dry run, or a file with rejected features, did everything and counted it; rolling back leaves nothing behind.
      if (options.dryRun || report.rejected.length > 0) throw new DryRunFinished();
      await options.beforeCommit?.(tx, report);
    });
  } catch (error) {
    if (!(error instanceof DryRunFinished)) throw error;
  }
  return report;
}

type NeighbourhoodFeature = Extract<ParsedFeature, { kind: 'neighbourhood' }>;
type AreaFeature = Extract<ParsedFeature, { kind: 'area' }>;
type Outcome = ('created' | 'updated' | 'unchanged')[];
type AuditContext = Pick<UseCaseContext, 'municipalityId' | 'actor' | 'requestId'>;

const isSameShape = (stored: unknown, imported: unknown) => JSON.stringify(stored) === JSON.stringify(imported);

async function saveNeighbourhood(tx: Executor, clock: Clock, context: AuditContext, feature: NeighbourhoodFeature): Promise<Outcome> {
  const repository = createNeighbourhoodRepository(tx);
  const { municipalityId } = context;
  const now = clock.now();
  const existing = await repository.findByCbsCode(municipalityId, feature.code);
  if (!existing) {
    const row = await repository.insert({ municipalityId, name: feature.name, slug: await freeSlug(repository, municipalityId, feature.name), cbsCode: feature.code, boundary: feature.boundary, createdAt: now, updatedAt: now });
    await recordAudit(tx, clock, context, { action: 'neighbourhood.import', entityType: 'neighbourhood', entityId: row.id, after: row });
    return ['created'];
  }
  // A schematic boundary becomes official once CBS's own shape is imported, even when it is identical.
  if (existing.name === feature.name && isSameShape(existing.boundary, feature.boundary) && existing.isBoundaryOfficial) return ['unchanged'];
  const row = await repository.update(municipalityId, existing.id, existing.version, { name: feature.name, boundary: feature.boundary, isBoundaryOfficial: true }, now);
  if (!row) throw new Error(`${feature.code} was changed by someone else during the import; run the import again`);
  await recordAudit(tx, clock, context, { action: 'neighbourhood.import', entityType: 'neighbourhood', entityId: existing.id, before: existing, after: row });
  return ['updated'];
}

async function saveArea(tx: Executor, clock: Clock, context: AuditContext, feature: AreaFeature): Promise<Outcome> {
  const repository = createNeighbourhoodRepository(tx);
  const { municipalityId } = context;
  const now = clock.now();
  const outcome: Outcome = [];
  let parent = await repository.findByCbsCode(municipalityId, feature.neighbourhoodCode);
  if (!parent) {
    // A buurt whose wijk is neither in the database nor (valid) in the file: create the wijk by code, without a boundary.
    const name = feature.neighbourhoodName ?? feature.neighbourhoodCode;
    parent = await repository.insert({ municipalityId, name, slug: await freeSlug(repository, municipalityId, name), cbsCode: feature.neighbourhoodCode, createdAt: now, updatedAt: now });
    await recordAudit(tx, clock, context, { action: 'neighbourhood.import', entityType: 'neighbourhood', entityId: parent.id, after: parent });
    outcome.push('created');
  }
  const existing = await repository.findAreaByCbsCode(municipalityId, feature.code);
  if (!existing) {
    const row = await repository.insertArea({ municipalityId, neighbourhoodId: parent.id, name: feature.name, cbsCode: feature.code, boundary: feature.boundary, createdAt: now });
    await recordAudit(tx, clock, context, { action: 'area.import', entityType: 'area', entityId: row.id, after: row });
    return [...outcome, 'created'];
  }
  if (existing.name === feature.name && existing.neighbourhoodId === parent.id && isSameShape(existing.boundary, feature.boundary)) return [...outcome, 'unchanged'];
  const row = await repository.updateArea(municipalityId, existing.id, { name: feature.name, neighbourhoodId: parent.id, boundary: feature.boundary });
  await recordAudit(tx, clock, context, { action: 'area.import', entityType: 'area', entityId: existing.id, before: existing, after: row });
  return [...outcome, 'updated'];
}

/** "Stiphout", and "stiphout-2" when that slug is taken by another neighbourhood. */
async function freeSlug(repository: NeighbourhoodRepository, municipalityId: string, name: string): Promise<string> {
  const base = slugFromName(name) || 'wijk';
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await repository.findBySlug(municipalityId, candidate))) return candidate;
  }
}

/** The import from the web app: an administrator uploads the file; every change is audited in their name. */
export function createAreaImportService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  async function importFeatures(context: UseCaseContext, features: unknown[], crs: SourceCrs | undefined, options: { dryRun: boolean }) {
    const municipality = await createMunicipalityRepository(db).findById(context.municipalityId);
    if (!municipality) throw new DomainError('NOT_FOUND');
    const report = await importAreas(dependencies, municipality, features, {
      dryRun: options.dryRun,
      auditContext: context,
      crs,
      // One row for the import as a whole, beside the row per wijk and buurt it changed.
      beforeCommit: (tx, { created, updated, unchanged, otherMunicipalities, rejected }) =>
        recordAudit(tx, clock, context, { action: 'neighbourhood.importFile', entityType: 'municipality', entityId: context.municipalityId, after: { features: features.length, created, updated, unchanged, otherMunicipalities, rejected: rejected.length } }),
    });
    if (!options.dryRun && report.rejected.length > 0) {
      throw new DomainError(neighbourhoodErrors.AREA_FILE_REFUSED, {
        params: { count: report.rejected.length },
        fields: report.rejected.map((rejection) => ({ field: `body.features[${rejection.index}]`, code: `area${rejection.problem[0].toUpperCase()}${rejection.problem.slice(1)}`, params: rejection.params })),
      });
    }
    return { isDryRun: options.dryRun, ...report };
  }

  return {
    async importAreaFile(context: UseCaseContext, collection: { type: string; crs?: unknown; features: unknown[] }, options: { dryRun: boolean }) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      if (collection.type !== 'FeatureCollection') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.type', code: 'notAFeatureCollection', params: { type: collection.type } }] });
      if (collection.features.length === 0) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.features', code: 'noFeatures' }] });
      const declared = declaredCrs(collection.crs);
      if ('unsupported' in declared) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.crs', code: 'unsupportedCrs', params: { crs: declared.unsupported } }] });
      return importFeatures(context, collection.features, declared.crs, options);
    },

    /** The GeoPackage CBS publishes, uploaded to a temporary file: its wijken and buurten layers. */
    async importGeoPackageFile(context: UseCaseContext, file: string, options: { dryRun: boolean }) {
      if (!canManageNeighbourhoods(context.actor)) throw new DomainError('FORBIDDEN');
      let contents: ReturnType<typeof readGeoPackage>;
      try {
        contents = readGeoPackage(file);
      } catch {
        throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'notAGeoPackage' }] });
      }
      if ('unsupported' in contents.crs) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.crs', code: 'unsupportedCrs', params: { crs: contents.crs.unsupported } }] });
      if (contents.features.length === 0) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.features', code: 'noFeatures' }] });
      return importFeatures(context, contents.features, contents.crs.crs, options);
    },
  };
}

export type AreaImportService = ReturnType<typeof createAreaImportService>;
