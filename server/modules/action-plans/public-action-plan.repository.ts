import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { theme } from '../organisation/organisation.tables.ts';
import { actionPlanAction } from './action-plan-content.tables.ts';

/**
 * The few reads the public plan needs besides the adopted version: today's progress of its actions and the names of
 * themes and municipality. Only the columns a visitor may see are selected, never the contact or the progress note.
 */
export function createPublicActionPlanRepository(db: Executor) {
  return {
    async progressOf(municipalityId: string, planId: string, actionIds: string[]) {
      if (actionIds.length === 0) return [];
      return db
        .select({ id: actionPlanAction.id, status: actionPlanAction.progressStatus, currentValue: actionPlanAction.currentValue, doneOn: actionPlanAction.doneOn })
        .from(actionPlanAction)
        .where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.planId, planId), inArray(actionPlanAction.id, actionIds)));
    },

    async themes(municipalityId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: theme.id, nameNl: theme.nameNl, nameEn: theme.nameEn })
        .from(theme)
        .where(and(eq(theme.municipalityId, municipalityId), inArray(theme.id, ids)));
    },

    async municipalityName(municipalityId: string): Promise<string> {
      const [row] = await db.select({ name: municipality.name }).from(municipality).where(eq(municipality.id, municipalityId));
      return row?.name ?? '';
    },
  };
}
