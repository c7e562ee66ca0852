import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { parseFeature } from './area-import.rules.ts';
import { createNeighbourhoodRepository } from './neighbourhood.repository.ts';
import { slugFromName } from './neighbourhood.rules.ts';

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { index: number; code: string | null; reason: string }[];
}

const batchSize = 100;

/**
 * Imports wijken and buurten from CBS-style features: upsert by CBS code, wijken before buurten, each
 * batch in one transaction with its audit rows. Rejected features are reported, never half-imported.
 */
export async function importAreas(
  dependencies: { db: Executor; clock: Clock },
  municipality: { id: string; cbsCode: string | null },
  features: unknown[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const { db, clock } = dependencies;
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  const parsed = features.map((feature, index) => ({ index, result: parseFeature(feature, municipality.cbsCode) }));
  for (const { index, result } of parsed) if (result.kind === 'rejected') report.rejected.push({ index, code: result.code, reason: result.reason });
  // Wijken first, so every buurt finds its wijk.
  const ordered = [...parsed.filter((item) => item.result.kind === 'neighbourhood'), ...parsed.filter((item) => item.result.kind === 'area')];
  const context = { municipalityId: municipality.id, actor: undefined, requestId: 'import:areas' };
  let done = report.rejected.length;
  onProgress(done, features.length);

  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize);
    await inTransaction(db, async (tx) => {
      const repository = createNeighbourhoodRepository(tx);
      const now = clock.now();
      for (const { result } of batch) {
        if (result.kind === 'neighbourhood') {
          const existing = await repository.findByCbsCode(municipality.id, result.code);
          if (!existing) {
            const row = await repository.insert({ municipalityId: municipality.id, name: result.name, slug: await freeSlug(repository, municipality.id, result.name), cbsCode: result.code, boundary: result.boundary, createdAt: now, updatedAt: now });
            await recordAudit(tx, clock, context, { action: 'neighbourhood.import', entityType: 'neighbourhood', entityId: row.id, after: row });
            report.created++;
          } else if (existing.name !== result.name || JSON.stringify(existing.boundary) !== JSON.stringify(result.boundary) || !existing.isBoundaryOfficial) {
            const row = await repository.update(municipality.id, existing.id, existing.version, { name: result.name, boundary: result.boundary, isBoundaryOfficial: true }, now);
            await recordAudit(tx, clock, context, { action: 'neighbourhood.import', entityType: 'neighbourhood', entityId: existing.id, before: existing, after: row });
            report.updated++;
          } else report.unchanged++;
        } else if (result.kind === 'area') {
          let parent = await repository.findByCbsCode(municipality.id, result.neighbourhoodCode);
          if (!parent) {
            // A buurt whose wijk is not in the file: create the wijk by code, without a boundary.
            const name = result.neighbourhoodName ?? result.neighbourhoodCode;
            parent = await repository.insert({ municipalityId: municipality.id, name, slug: await freeSlug(repository, municipality.id, name), cbsCode: result.neighbourhoodCode, createdAt: now, updatedAt: now });
            await recordAudit(tx, clock, context, { action: 'neighbourhood.import', entityType: 'neighbourhood', entityId: parent.id, after: parent });
            report.created++;
          }
          const existing = await repository.findAreaByCbsCode(municipality.id, result.code);
          if (!existing) {
            const row = await repository.insertArea({ municipalityId: municipality.id, neighbourhoodId: parent.id, name: result.name, cbsCode: result.code, boundary: result.boundary, createdAt: now });
            await recordAudit(tx, clock, context, { action: 'area.import', entityType: 'area', entityId: row.id, after: row });
            report.created++;
          } else if (existing.name !== result.name || existing.neighbourhoodId !== parent.id || JSON.stringify(existing.boundary) !== JSON.stringify(result.boundary)) {
            const row = await repository.updateArea(municipality.id, existing.id, { name: result.name, neighbourhoodId: parent.id, boundary: result.boundary });
            await recordAudit(tx, clock, context, { action: 'area.import', entityType: 'area', entityId: existing.id, before: existing, after: row });
            report.updated++;
          } else report.unchanged++;
        }
      }
    });
    done += batch.length;
    onProgress(done, features.length);
  }
  return report;
}

/** "Stiphout", and "stiphout-2" when that slug is taken by another neighbourhood. */
async function freeSlug(repository: ReturnType<typeof createNeighbourhoodRepository>, municipalityId: string, name: string): Promise<string> {
  const base = slugFromName(name) || 'wijk';
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await repository.findBySlug(municipalityId, candidate))) return candidate;
  }
}
