import { z } from 'zod';
import { progressStatuses } from './action-plan-progress.rules.ts';
import { actionPlanStates } from './action-plan.workflow.ts';

/** The actions of action plans that take a request up. */
export const requestInPlanSchema = z
  .object({
    items: z.array(
      z.object({
        action: z.object({ id: z.uuid(), title: z.string(), status: z.enum(progressStatuses), deadlineOn: z.iso.date().nullable() }),
        plan: z.object({ id: z.uuid(), title: z.string(), state: z.enum(actionPlanStates), isAdopted: z.boolean() }),
        neighbourhood: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
      }),
    ),
  })
  .meta({ id: 'RequestInActionPlans' });
