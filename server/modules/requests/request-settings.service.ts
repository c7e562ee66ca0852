import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { holdsRole } from '../users/index.ts';
import { isStaff } from './request.policy.ts';
import { type RequestSettings, resolveRequestSettings } from './request-settings.rules.ts';
import type { RequestSteps } from './request-steps.ts';
import { requestPermissions } from './request.permissions.ts';

/** The municipality's answer rules, for other modules (figures, reports). */
export async function readRequestSettings(db: Executor, municipalityId: string): Promise<RequestSettings> {
  return resolveRequestSettings(await createMunicipalityRepository(db).readSettings(municipalityId, 'requests'));
}

/** A version for settings without a version column: a hash of what was read, so a stale write is refused. */
function versionOf(settings: RequestSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

export function createRequestSettingsService(steps: RequestSteps) {
  const { clock } = steps;
  return {
    /** Staff read the settings (templates, front-line teams, deadlines); the admin changes them. */
    async getRequestSettings(context: UseCaseContext) {
      if (!isStaff(context.actor)) throw new DomainError('FORBIDDEN');
      const settings = await steps.settingsOf(steps.db, context.municipalityId);
      return { ...settings, version: versionOf(settings) };
    },

    async updateRequestSettings(context: UseCaseContext, input: RequestSettings & { version: string }) {
      if (!can(context.actor, requestPermissions['request.configure'])) throw new DomainError('FORBIDDEN');
      const { version, ...settings } = input;
      return inTransaction(steps.db, async (tx) => {
        if (settings.cityWideAdvisorUserId && !(await holdsRole(tx, context.municipalityId, settings.cityWideAdvisorUserId, 'advisor'))) {
          throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.cityWideAdvisorUserId', code: 'notAnAdvisor' }] });
        }
        const repository = createMunicipalityRepository(tx);
        await repository.lockForUpdate(context.municipalityId);
        const before = await steps.settingsOf(tx, context.municipalityId);
        if (versionOf(before) !== version) throw new DomainError('VERSION_CONFLICT', { params: { current: versionOf(before) } });
        await repository.writeSettings(context.municipalityId, 'requests', settings);
        await recordAudit(tx, clock, context, { action: 'request.settings.update', entityType: 'municipality', entityId: context.municipalityId, before, after: settings });
        const after = await steps.settingsOf(tx, context.municipalityId);
        return { ...after, version: versionOf(after) };
      });
    },
  };
}
