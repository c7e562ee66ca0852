import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { municipality } from '../municipalities/index.ts';
import { report, reportEvent, reportFollower, reportSatisfaction } from './report.tables.ts';
import { hashOf } from './report-steps.ts';
import { resolveReportSettings } from './report-settings.rules.ts';

/** Reports one sweep clears per municipality at most; a backlog shrinks over a few sweeps. */
const retentionBatch = 500;

/** The contact fields that go, and the link's sealed secret with them: nobody is left to send it to. */
const erasedContact = { reporterEmail: null, reporterPhone: null, statusTokenSealed: null } as const;

/**
 * Reporters' contact data are kept only as long as needed (AVG art. 5(1)(e)): the municipality's term after the
 * report closed (12 months unless it says otherwise). The report itself, its place and history stay; followers go;
 * the reporter's comments on satisfaction are emptied. The status link keeps working: it holds no personal data.
 */
export function createReportRetentionJob(dependencies: { clock: Clock }): ScheduledJob {
  return {
    name: 'retention-report-contacts',
    async run(tx: Executor) {
      const now = dependencies.clock.now();
      const municipalities = await tx.select({ id: municipality.id, settings: municipality.settings }).from(municipality);
      for (const { id: municipalityId, settings } of municipalities) {
        const months = resolveReportSettings(settings.reports).contactRetentionMonths;
        const cutoff = new Date(now);
        cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
        const due = await tx
          .select({ id: report.id, reference: report.reference })
          .from(report)
          .where(and(eq(report.municipalityId, municipalityId), isNotNull(report.closedAt), lt(report.closedAt, cutoff), sql`${report.contactErasedAt} is null`))
          .limit(retentionBatch);
        if (due.length === 0) continue;
        const ids = due.map((row) => row.id);
        await tx.update(report).set({ ...erasedContact, contactErasedAt: now }).where(and(eq(report.municipalityId, municipalityId), sql`${report.id} in ${ids}`));
        await tx.delete(reportFollower).where(and(eq(reportFollower.municipalityId, municipalityId), sql`${reportFollower.reportId} in ${ids}`));
        await tx.update(reportSatisfaction).set({ comment: '' }).where(and(eq(reportSatisfaction.municipalityId, municipalityId), sql`${reportSatisfaction.reportId} in ${ids}`));
        await tx.insert(reportEvent).values(ids.map((reportId) => ({ municipalityId, reportId, kind: 'contactErased', details: { reason: 'retention', months }, createdAt: now })));
        await recordAudit(tx, dependencies.clock, { municipalityId, actor: undefined, requestId: 'retention' }, { action: 'report.contactRetention', entityType: 'report', entityId: ids[0], after: { reports: ids.length, months, references: due.map((row) => row.reference) } });
      }
    },
  };
}

/**
 * A reporter's request under the AVG (inzage, art. 15; vergetelheid, art. 17) for the reports made or followed with
 * one e-mail address: the administrator exports what is kept, or erases the contact data. The reports stay — the
 * problem in the street is not personal data — but no longer lead to the person.
 */
export function createReportPrivacyService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  const byEmail = (email: string) => and(sql`lower(${report.reporterEmail}) = ${email.toLowerCase()}`);

  return {
    async exportReporterData(context: UseCaseContext, email: string) {
      const reported = await db
        .select({ reference: report.reference, status: report.status, reportedAt: report.createdAt, closedAt: report.closedAt, address: report.address, description: report.description, email: report.reporterEmail, phone: report.reporterPhone })
        .from(report)
        .where(and(eq(report.municipalityId, context.municipalityId), byEmail(email)))
        .orderBy(report.createdAt)
        .limit(1000);
      const followed = await db
        .select({ reference: report.reference, status: report.status, followingSince: reportFollower.createdAt, email: reportFollower.email })
        .from(reportFollower)
        .innerJoin(report, and(eq(report.municipalityId, reportFollower.municipalityId), eq(report.id, reportFollower.reportId)))
        .where(and(eq(reportFollower.municipalityId, context.municipalityId), sql`lower(${reportFollower.email}) = ${email.toLowerCase()}`))
        .limit(1000);
      await inTransaction(db, (tx) =>
        // The audit row says that an export was made and how large, not for whom in plain text.
        recordAudit(tx, clock, context, { action: 'report.exportReporter', entityType: 'reporter', entityId: hashOf(email.toLowerCase()).slice(0, 16), after: { reported: reported.length, followed: followed.length } }),
      );
      return {
        email,
        reported: reported.map((row) => ({ ...row, reportedAt: row.reportedAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null })),
        followed: followed.map((row) => ({ ...row, followingSince: row.followingSince.toISOString() })),
      };
    },

    async eraseReporterData(context: UseCaseContext, email: string) {
      return inTransaction(db, async (tx) => {
        const now = clock.now();
        const erased = await tx
          .update(report)
          .set({ ...erasedContact, contactErasedAt: now })
          .where(and(eq(report.municipalityId, context.municipalityId), byEmail(email)))
          .returning({ id: report.id });
        const unfollowed = await tx
          .delete(reportFollower)
          .where(and(eq(reportFollower.municipalityId, context.municipalityId), sql`lower(${reportFollower.email}) = ${email.toLowerCase()}`))
          .returning({ id: reportFollower.id, reportId: reportFollower.reportId });
        const touched = [...new Set([...erased.map((row) => row.id), ...unfollowed.map((row) => row.reportId)])];
        if (touched.length > 0) await tx.insert(reportEvent).values(touched.map((reportId) => ({ municipalityId: context.municipalityId, reportId, kind: 'contactErased', details: { reason: 'request' }, actorUserId: context.actor?.userId ?? null, createdAt: now })));
        // The reporter is named by a digest of the address: the log proves the erasure without keeping what was erased.
        await recordAudit(tx, clock, context, { action: 'report.eraseReporter', entityType: 'reporter', entityId: hashOf(email.toLowerCase()).slice(0, 16), after: { reports: erased.length, followed: unfollowed.length } });
        return { reports: erased.length, followed: unfollowed.length };
      });
    },
  };
}
