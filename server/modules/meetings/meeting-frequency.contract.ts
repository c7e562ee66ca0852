import { z } from 'zod';
import { int32 } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { frequencyBadges, structureKindCodes } from './meeting-frequency-overview.rules.ts';

export const meetingFrequencyQuery = pageQuery.extend({
  neighbourhoodId: z.uuid().optional(),
  kindCode: z.enum(structureKindCodes).optional(),
  isOverdue: z.enum(['true', 'false']).optional().describe('Only rows that are (true) or are not (false) past their due day'),
  sort: z.enum(['neighbourhood', 'nextDueOn']).default('neighbourhood').describe('By neighbourhood name, or the soonest due first (exempt rows and rows without a due day last)'),
});

const day = z.iso.date();

export const meetingFrequencyRowSchema = z
  .object({
    neighbourhood: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), isDevelopmentArea: z.boolean(), version: z.number().int().describe('Send back when recording the yearly target') }),
    kind: z.object({ id: z.uuid(), code: z.enum(structureKindCodes), nameNl: z.string(), nameEn: z.string() }),
    yearlyTarget: z
      .object({ perYear: z.number().int().min(1).max(3).nullable(), recordedAt: z.iso.datetime({ offset: true }).nullable() })
      .nullable()
      .describe('For a kind with a yearly target per neighbourhood (the wijkwerkoverleg): the recorded number, null until recorded'),
    lastHeldOn: day.nullable(),
    nextPlannedOn: day.nullable(),
    nextDueOn: day.nullable().describe('The day by which the next meeting should have taken place; null when none is due'),
    isOverdue: z.boolean(),
    isExempt: z.boolean().describe('The development-area agreement says this meeting does not take place separately'),
    exemptReason: z.string().nullable(),
    badge: z.enum(frequencyBadges).describe('overdue; dueSoon: due within 90 days and nothing planned by then; ok; exempt'),
    explanation: z.object({ nl: z.string(), en: z.string() }),
    allowedActions: z.array(z.enum(['recordYearlyTarget'])).describe('What you may do from this row'),
  })
  .meta({ id: 'MeetingFrequencyRow' });

export const meetingFrequencyListSchema = pageSchema(meetingFrequencyRowSchema).meta({ id: 'MeetingFrequencyList' });

export const yearlyMeetingTargetParams = municipalityParams.extend({ neighbourhoodId: z.uuid() });

export const recordYearlyMeetingTargetBody = z
  .object({
    yearlyTarget: int32().min(1).max(3).describe('Wijkwerkoverleggen a year for this neighbourhood (§3.2: 1 to 3), after sounding out college and council'),
    version: int32().min(1).describe('The neighbourhood’s version as read'),
  })
  .meta({ id: 'RecordYearlyMeetingTarget' });

export const yearlyMeetingTargetSchema = z
  .object({
    neighbourhoodId: z.uuid(),
    yearlyTarget: z.number().int(),
    recordedAt: z.iso.datetime({ offset: true }),
    version: z.number().int().describe('The neighbourhood’s new version'),
  })
  .meta({ id: 'YearlyMeetingTarget' });

export type MeetingFrequencyQuery = z.infer<typeof meetingFrequencyQuery>;
export type MeetingFrequencyRow = z.infer<typeof meetingFrequencyRowSchema>;
export type RecordYearlyMeetingTarget = z.infer<typeof recordYearlyMeetingTargetBody>;
