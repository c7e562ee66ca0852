import { z } from 'zod';
import { isoDate } from '../../platform/input-bounds.ts';

export const responsivenessQuery = z
  .object({
    from: isoDate().describe('First day of the period (submission date), inclusive'),
    to: isoDate().describe('Last day of the period, inclusive'),
    groupBy: z.enum(['department', 'neighbourhood', 'month']).default('department'),
  })
  .refine((query) => query.from <= query.to, { message: 'field:endBeforeStart', path: ['to'] });

const days = z.number().nullable().describe('Calendar days, one decimal');

export const responsivenessSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    groupBy: z.enum(['department', 'neighbourhood', 'month']),
    groups: z.array(
      z.object({
        key: z.string().nullable().describe('Department or neighbourhood id, or YYYY-MM; null for requests without one (not routed, city-wide)'),
        label: z.string().nullable(),
        total: z.number().int(),
        acknowledged: z.number().int(),
        answered: z.number().int(),
        medianDaysToAcknowledge: days,
        p90DaysToAcknowledge: days,
        medianDaysToAnswer: days,
        p90DaysToAnswer: days,
        answeredOnTimeShare: z.number().nullable().describe('Share of answered requests answered by their deadline, 0–1'),
        nuDue: z.number().int().describe('Nu answers carried out, or whose short term has ended'),
        nuCarriedOutInTimeShare: z.number().nullable().describe('Share of those carried out within the short term, 0–1'),
      }),
    ),
    verdicts: z.object({ nu: z.number().int(), ooit: z.number().int(), nooit: z.number().int() }),
    overdueOoitUpdates: z.number().int().describe('Ooit answers whose promised progress update is late (today)'),
    shortTermWeeks: z.number().int().describe('The municipality’s short term: a nu is carried out within this many weeks'),
  })
  .meta({ id: 'Responsiveness' });

export const responsivenessSettingsSchema = z
  .object({
    isPublic: z
      .boolean()
      .describe('Everyone, logged in or not, sees the figures (aggregates only: no titles, names or texts). Off: staff and neighbourhood councils only'),
  })
  .meta({ id: 'ResponsivenessSettings' });
