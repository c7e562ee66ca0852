import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { addWorkingDays, dateInAmsterdam } from '../../platform/working-days.ts';
import { userAccount } from '../users/user.tables.ts';
import { meetingContribution } from './meeting-agenda.tables.ts';
import { meeting } from './meeting.tables.ts';

/** How many contributions one sweep reminds about; the rest follow in the next sweep. */
const batchSize = 200;

/**
 * Whoever prepares something for a meeting hears once, two working days before it is due (or at once when it is
 * asked for later than that). The mark is written in the sweep's transaction, so the reminder goes out once.
 */
export function createMeetingReminderJobs(dependencies: { clock: Clock; publicUrl: string }): ScheduledJob[] {
  const { clock } = dependencies;
  return [
    {
      name: 'meeting-contribution-due',
      async run(tx) {
        const horizon = addWorkingDays(dateInAmsterdam(clock.now()), 2);
        const due = await tx
          .select({ contribution: meetingContribution, meetingTitle: meeting.title, municipalityId: meeting.municipalityId, email: userAccount.email, locale: userAccount.locale, wantsEmail: userAccount.wantsEmailCopies })
          .from(meetingContribution)
          .innerJoin(meeting, and(eq(meeting.municipalityId, meetingContribution.municipalityId), eq(meeting.id, meetingContribution.meetingId)))
          .innerJoin(userAccount, and(eq(userAccount.municipalityId, meetingContribution.municipalityId), eq(userAccount.id, meetingContribution.assigneeUserId)))
          .where(and(isNull(meetingContribution.deliveredAt), isNull(meetingContribution.remindedAt), lte(meetingContribution.dueOn, horizon), eq(meeting.state, 'planned')))
          .orderBy(asc(meetingContribution.dueOn))
          .limit(batchSize);
        for (const row of due) {
          const isEnglish = row.locale === 'en';
          const subject = isEnglish ? `Reminder: prepare for ${row.meetingTitle}` : `Herinnering: voorbereiden voor ${row.meetingTitle}`;
          const body = isEnglish
            ? `You were asked to hand in “${row.contribution.title}” by ${row.contribution.dueOn}. ${dependencies.publicUrl}`
            : `Je is gevraagd “${row.contribution.title}” uiterlijk ${row.contribution.dueOn} aan te leveren. ${dependencies.publicUrl}`;
          const message = { municipalityId: row.municipalityId, recipientUserId: row.contribution.assigneeUserId, topic: 'meeting.contributionDue', subject, body, payload: { meetingId: row.contribution.meetingId } };
          await enqueueMessage(tx, clock, { ...message, channel: 'in_app' });
          if (row.wantsEmail) await enqueueMessage(tx, clock, { ...message, channel: 'email', recipientEmail: row.email });
          await tx.update(meetingContribution).set({ remindedAt: clock.now() }).where(eq(meetingContribution.id, row.contribution.id));
        }
      },
    },
  ];
}
