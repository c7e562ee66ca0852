import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can, hasRole } from '../../platform/permissions.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { insightsPermissions } from './insights.permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { responsivenessQuery } from './responsiveness.contract.ts';
import { readRequestSettings } from '../requests/index.ts';
import { createResponsivenessRepository } from './responsiveness.repository.ts';

const oneDecimal = (value: number | string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** How responsive the municipality is (§2.3 point 1): time to acknowledge and to answer, on-time share, verdicts. */
export function createResponsivenessService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  /** Public unless the municipality switched it off: the note's point is that the municipality is measured on how it answers. */
  async function readSettings(tx: Executor, municipalityId: string) {
    const stored = (await createMunicipalityRepository(tx).readSettings(municipalityId, 'insights')) as { isResponsivenessPublic?: boolean } | undefined;
    return { isPublic: stored?.isResponsivenessPublic !== false };
  }

  /** Staff and neighbourhood councils always see the figures; everyone else while they are public. */
  async function assertMaySee(context: UseCaseContext) {
    if (can(context.actor, 'request.viewInternal') || hasRole(context.actor, 'council_member')) return;
    if ((await readSettings(db, context.municipalityId)).isPublic) return;
    throw new DomainError(context.actor ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
  }

  return {
    getSettings: (context: UseCaseContext) => readSettings(db, context.municipalityId),

    async updateSettings(context: UseCaseContext, input: { isPublic: boolean }) {
      if (!can(context.actor, insightsPermissions['insights.manage'])) throw new DomainError('FORBIDDEN');
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        const before = await readSettings(tx, context.municipalityId);
        await municipalities.writeSettings(context.municipalityId, 'insights', { isResponsivenessPublic: input.isPublic });
        await recordAudit(tx, clock, context, { action: 'insights.settings.update', entityType: 'municipality', entityId: context.municipalityId, before, after: input });
        return readSettings(tx, context.municipalityId);
      });
    },

    async measureResponsiveness(context: UseCaseContext, query: z.infer<typeof responsivenessQuery>) {
      await assertMaySee(context);
      const repository = createResponsivenessRepository(db);
      const today = dateInAmsterdam(clock.now());
      const { shortTermWeeks } = await readRequestSettings(db, context.municipalityId);
      const [rows, verdictRows, overdueOoitUpdates] = await Promise.all([
        repository.figures(context.municipalityId, query.from, query.to, query.groupBy, shortTermWeeks, today, context.language),
        repository.verdicts(context.municipalityId, query.from, query.to),
        repository.overdueOoitUpdates(context.municipalityId, dateInAmsterdam(clock.now())),
      ]);
      const verdicts = { nu: 0, ooit: 0, nooit: 0 };
      for (const row of verdictRows) if (row.verdict in verdicts) verdicts[row.verdict as keyof typeof verdicts] = row.count;
      return {
        ...query,
        groups: rows.map((row) => ({
          key: row.key,
          label: row.label,
          total: row.total,
          acknowledged: row.acknowledged,
          answered: row.answered,
          medianDaysToAcknowledge: oneDecimal(row.medianDaysToAcknowledge),
          p90DaysToAcknowledge: oneDecimal(row.p90DaysToAcknowledge),
          medianDaysToAnswer: oneDecimal(row.medianDaysToAnswer),
          p90DaysToAnswer: oneDecimal(row.p90DaysToAnswer),
          answeredOnTimeShare: row.answered > 0 ? Math.round((row.answeredOnTime / row.answered) * 1000) / 1000 : null,
          nuDue: row.nuDue,
          nuCarriedOutInTimeShare: row.nuDue > 0 ? Math.round((row.nuCarriedOutInTime / row.nuDue) * 1000) / 1000 : null,
        })),
        verdicts,
        overdueOoitUpdates,
        shortTermWeeks,
      };
    },
  };
}

export type ResponsivenessService = ReturnType<typeof createResponsivenessService>;
