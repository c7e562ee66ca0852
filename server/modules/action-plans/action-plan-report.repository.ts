import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { actionPlan, actionPlanReport } from './action-plan.tables.ts';

export type ReportRow = typeof actionPlanReport.$inferSelect;

/** SQL for progress reports; every query but the scheduler's sweep filters on the municipality. */
export function createActionPlanReportRepository(db: Executor) {
  return {
    async listReports(municipalityId: string, planId: string): Promise<ReportRow[]> {
      return db
        .select()
        .from(actionPlanReport)
        .where(and(eq(actionPlanReport.municipalityId, municipalityId), eq(actionPlanReport.planId, planId)))
        .orderBy(asc(actionPlanReport.number));
    },

    async findReport(municipalityId: string, planId: string, number: number): Promise<ReportRow | undefined> {
      const [row] = await db
        .select()
        .from(actionPlanReport)
        .where(and(eq(actionPlanReport.municipalityId, municipalityId), eq(actionPlanReport.planId, planId), eq(actionPlanReport.number, number)));
      return row;
    },

    /** Nothing when another sweep (or the advisor) made this report a moment earlier: the number is unique per plan. */
    async insertReport(values: typeof actionPlanReport.$inferInsert): Promise<ReportRow | undefined> {
      const [row] = await db.insert(actionPlanReport).values(values).onConflictDoNothing().returning();
      return row;
    },

    /**
     * The plans being monitored, in every municipality, with what a report and its message need. The daily sweep
     * reads them all; a few thousand rows a day, so no index of its own.
     */
    async monitoredPlans() {
      return db
        .select({ plan: actionPlan, neighbourhoodName: neighbourhood.name, municipalitySlug: municipality.slug })
        .from(actionPlan)
        .innerJoin(neighbourhood, and(eq(neighbourhood.municipalityId, actionPlan.municipalityId), eq(neighbourhood.id, actionPlan.neighbourhoodId)))
        .innerJoin(municipality, eq(municipality.id, actionPlan.municipalityId))
        .where(and(inArray(actionPlan.state, ['adopted', 'in_execution']), isNotNull(actionPlan.adoptedOn)));
    },
  };
}
