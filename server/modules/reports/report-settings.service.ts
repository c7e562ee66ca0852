import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { defaultStandardMessages, type ReportSettings, resolveReportSettings } from './report-settings.rules.ts';
import { reportsPermissions } from './reports.permissions.ts';

/** A version for settings without a version column: a hash of what was read, so a stale write is refused. */
function versionOf(settings: ReportSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

async function settingsOf(executor: Executor, municipalityId: string): Promise<ReportSettings> {
  return resolveReportSettings(await createMunicipalityRepository(executor).readSettings(municipalityId, 'reports'));
}

/** The municipality's report settings: standard messages per status, how long contact data are kept, satisfaction reasons. */
export function createReportSettingsService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  const present = (settings: ReportSettings) => ({ ...settings, defaultStandardMessages, version: versionOf(settings) });
  const mayConfigure = (context: UseCaseContext) => {
    if (!can(context.actor, reportsPermissions['report.configure'])) throw new DomainError('FORBIDDEN');
  };

  return {
    async getReportSettings(context: UseCaseContext) {
      mayConfigure(context);
      return present(await settingsOf(db, context.municipalityId));
    },

    async updateReportSettings(context: UseCaseContext, input: ReportSettings & { version: string }) {
      mayConfigure(context);
      const { version, ...settings } = input;
      const seen = new Map<string, number>();
      settings.satisfactionReasons.forEach((reason, index) => {
        if (seen.has(reason.code)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: `body.satisfactionReasons.${index}.code`, code: 'duplicate' }] });
        seen.set(reason.code, index);
      });
      return inTransaction(db, async (tx) => {
        const repository = createMunicipalityRepository(tx);
        await repository.lockForUpdate(context.municipalityId);
        const before = await settingsOf(tx, context.municipalityId);
        if (versionOf(before) !== version) throw new DomainError('VERSION_CONFLICT', { params: { current: versionOf(before) } });
        await repository.writeSettings(context.municipalityId, 'reports', settings);
        await recordAudit(tx, clock, context, { action: 'report.configureSettings', entityType: 'municipality', entityId: context.municipalityId, before, after: settings });
        return present(await settingsOf(tx, context.municipalityId));
      });
    },
  };
}

export type ReportSettingsService = ReturnType<typeof createReportSettingsService>;
