import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Language } from '../../platform/language.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import type { Notice } from '../notifications/index.ts';
import { type ReportAccess, accessTo } from './report.policy.ts';
import { createReportRepository, type ReportRow, type ReportWithNames } from './report.repository.ts';
import type { report } from './report.tables.ts';
import { resolveReportSettings } from './report-settings.rules.ts';

export interface ReportServiceDependencies {
  db: Executor;
  clock: Clock;
  publicUrl: string;
  secrets: SecretBox;
}

export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** What every report use case shares: loading with access, the reporter's link, telling the reporter, one change. */
export function createReportSteps(dependencies: ReportServiceDependencies) {
  const { db, clock, publicUrl, secrets } = dependencies;

  async function municipalityOf(tx: Executor, municipalityId: string) {
    const row = await createMunicipalityRepository(tx).findById(municipalityId);
    return { name: row?.name ?? '', slug: row?.slug ?? '' };
  }

  const statusUrlOf = (slug: string, token: string) => `${publicUrl}/${slug}/meldingen/status/${token}`;

  /** The report with its names, if this person may read it; otherwise as absent as one that does not exist. */
  async function loadReadable(tx: Executor, context: UseCaseContext, reportId: string): Promise<{ row: ReportWithNames; access: ReportAccess }> {
    const row = await createReportRepository(tx).findWithNames(context.municipalityId, reportId);
    const access = row ? accessTo(context.actor, row.report) : undefined;
    if (!row || !access?.canRead) throw new DomainError('NOT_FOUND');
    return { row, access };
  }

  return {
    municipalityOf,
    statusUrlOf,
    loadReadable,

    async settingsOf(tx: Executor, municipalityId: string) {
      return resolveReportSettings(await createMunicipalityRepository(tx).readSettings(municipalityId, 'reports'));
    },

    /** The reporter's status link, opened from its sealed copy; null once contact data and link are erased. */
    async statusUrlFor(tx: Executor, row: ReportRow): Promise<string | null> {
      if (!row.statusTokenSealed) return null;
      return statusUrlOf((await municipalityOf(tx, row.municipalityId)).slug, secrets.open(row.statusTokenSealed));
    },

    /** E-mails everyone who asked to hear of this report (the consenting reporter, followers), each in their language. */
    async tellReporters(tx: Executor, row: ReportRow, topic: string, notice: Notice) {
      const recipients: { email: string; language: Language }[] = [];
      if (row.reporterEmail) recipients.push({ email: row.reporterEmail, language: row.reporterLanguage as Language });
      for (const follower of await createReportRepository(tx).followers(row.municipalityId, row.id)) {
        if (follower.email) recipients.push({ email: follower.email, language: follower.language as Language });
      }
      for (const recipient of recipients) {
        const text = notice[recipient.language] ?? notice.nl;
        await enqueueMessage(tx, clock, { municipalityId: row.municipalityId, channel: 'email', recipientEmail: recipient.email, topic, subject: text.subject, body: text.body, payload: { reportId: row.id } });
      }
      return recipients.length;
    },

    /**
     * One change by a handler: checks access and version, writes the change, its history line and its audit row in
     * one transaction; `after` may tell the reporter. Returns the changed row.
     */
    async change(
      context: UseCaseContext,
      reportId: string,
      input: {
        version: number;
        audit: string;
        prepare(tx: Executor, row: ReportWithNames): Promise<Partial<typeof report.$inferInsert>> | Partial<typeof report.$inferInsert>;
        event(before: ReportRow, after: ReportRow): { kind: string; details?: Record<string, unknown>; internalNote?: string | null; messageToReporter?: string | null; fromStatus?: ReportRow['status'] | null; toStatus?: ReportRow['status'] | null };
        after?(tx: Executor, before: ReportWithNames, after: ReportRow): Promise<void>;
      },
    ): Promise<ReportRow> {
      return inTransaction(db, async (tx) => {
        const { row, access } = await loadReadable(tx, context, reportId);
        if (!access.canHandle) throw new DomainError('FORBIDDEN');
        const before = row.report;
        if (before.version !== input.version) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        const values = await input.prepare(tx, row);
        const now = clock.now();
        const repository = createReportRepository(tx);
        const after = await repository.update(context.municipalityId, reportId, input.version, { ...values, updatedAt: now });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        const event = input.event(before, after);
        await repository.addEvent({ municipalityId: after.municipalityId, reportId, actorUserId: context.actor?.userId ?? null, createdAt: now, ...event });
        await input.after?.(tx, row, after);
        const changedKeys = Object.keys(values) as (keyof typeof values)[];
        await recordAudit(tx, clock, context, {
          action: input.audit,
          entityType: 'report',
          entityId: reportId,
          before: Object.fromEntries(changedKeys.map((key) => [key, before[key as keyof ReportRow]])),
          after: Object.fromEntries(changedKeys.map((key) => [key, after[key as keyof ReportRow]])),
        });
        return after;
      });
    },
  };
}

export type ReportSteps = ReturnType<typeof createReportSteps>;
