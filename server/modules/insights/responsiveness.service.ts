import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { responsivenessQuery } from './responsiveness.contract.ts';
import { readRequestSettings } from '../requests/index.ts';
import { createResponsivenessRepository } from './responsiveness.repository.ts';

const oneDecimal = (value: number | string | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** How responsive the municipality is (§2.3 point 1): time to acknowledge and to answer, on-time share, verdicts. */
export function createResponsivenessService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  return {
    async measureResponsiveness(context: UseCaseContext, query: z.infer<typeof responsivenessQuery>) {
      if (!can(context.actor, 'request.viewInternal')) throw new DomainError('FORBIDDEN');
      const repository = createResponsivenessRepository(db);
      const today = dateInAmsterdam(clock.now());
      const { shortTermWeeks } = await readRequestSettings(db, context.municipalityId);
      const [rows, verdictRows, overdueOoitUpdates] = await Promise.all([
        repository.figures(context.municipalityId, query.from, query.to, query.groupBy, shortTermWeeks, today),
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
