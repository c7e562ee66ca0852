import { z } from 'zod';
import { municipalityParams } from '../municipalities/index.ts';

export const calendarFeedStateSchema = z
  .object({ isActive: z.boolean().describe('You have a working feed address'), createdAt: z.iso.datetime({ offset: true }).nullable() })
  .meta({ id: 'CalendarFeedState' });

export const createdCalendarFeedSchema = z
  .object({
    url: z.url().describe('The secret feed address, shown this once: paste it into your calendar app as a subscription. Anyone with it sees your meetings.'),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CreatedCalendarFeed' });

// Any string up to a sane length: what does not match a working feed is a 404 like any unknown token, never a hint
// about what a token looks like.
export const calendarFeedParams = municipalityParams.extend({ calendarFeedToken: z.string().min(1).max(200) });
