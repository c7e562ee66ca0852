import { z } from 'zod';
import { municipalityParams } from '../municipalities/index.ts';
import { progressStatuses } from './action-plan-progress.rules.ts';
import { rollupSchema } from './action-plan.contract.ts';

// The plan in force as any visitor reads it on the neighbourhood page. Built only from the adopted version and the
// live progress figures: it has no field for a person (no contact, no author, no note), so none can slip out.

const day = z.iso.date();

export const publicActionPlanParams = municipalityParams.extend({ neighbourhoodId: z.uuid() });

const publicActionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    specific: z.string().nullable(),
    location: z.string().nullable(),
    indicator: z.string().nullable(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    unit: z.string().nullable(),
    ownerName: z.string().nullable().describe('The department, partner organisation or council that owns the action; never a person'),
    startsOn: day.nullable(),
    deadlineOn: day.nullable(),
    status: z.enum(progressStatuses).describe('Today’s progress as the owner reported it'),
    currentValue: z.number().nullable(),
    isOverdue: z.boolean().describe('Past its deadline and neither done nor dropped'),
  })
  .meta({ id: 'PublicAction' });

const publicChallengeSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    // Both names, so one answer serves every language (and the public cache can keep it).
    themes: z.array(z.object({ nameNl: z.string(), nameEn: z.string() })),
    actions: z.array(publicActionSchema),
    rollup: rollupSchema,
  })
  .meta({ id: 'PublicActionPlanChallenge' });

export const publicActionPlanSchema = z
  .object({
    planId: z.uuid(),
    neighbourhood: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    title: z.string(),
    periodStartsOn: day,
    periodEndsOn: day,
    versionNumber: z.number().int(),
    adoptedOn: day,
    isClosed: z.boolean().describe('The plan’s period is over; it stays shown until a newer plan is adopted'),
    challenges: z.array(publicChallengeSchema),
    rollup: rollupSchema,
    successes: z.array(z.object({ actionId: z.uuid(), title: z.string(), doneOn: day.nullable() })).describe('Done actions, most recent first'),
  })
  .meta({ id: 'PublicActionPlan' });

export type PublicActionPlan = z.infer<typeof publicActionPlanSchema>;
