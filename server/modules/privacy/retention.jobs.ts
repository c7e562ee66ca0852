import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FileStorage } from '../../platform/file-storage.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import type { PrivacySettings } from './privacy.contract.ts';
import { privacySettingsFrom, retentionCutoff } from './privacy.rules.ts';
import { createRetentionRepository } from './retention.repository.ts';

/** Attachments one sweep deletes per municipality at most; a large backlog shrinks over a few sweeps. */
const attachmentBatch = 500;

/**
 * The retention jobs (AVG art. 5(1)(e), ASVS V8.3.8): each municipality's own terms (`privacy` settings)
 * decide what is due. Each job is one savepoint of the sweep (scheduler.ts): one that fails leaves the rest.
 */
export function createRetentionJobs(dependencies: { clock: Clock; files: FileStorage }): ScheduledJob[] {
  const { clock, files } = dependencies;

  /** Runs `work` for every municipality with its settings. */
  const perMunicipality =
    (work: (repository: ReturnType<typeof createRetentionRepository>, municipalityId: string, settings: PrivacySettings, now: Date, tx: Executor) => Promise<unknown>) =>
    async (tx: Executor) => {
      const repository = createRetentionRepository(tx);
      const now = clock.now();
      for (const { id, stored } of await repository.municipalitiesWithSettings()) await work(repository, id, privacySettingsFrom(stored), now, tx);
    };

  return [
    {
      name: 'retention-sessions',
      run: perMunicipality(async (repository, municipalityId, settings, now) => {
        await repository.deleteExpiredChallenges(municipalityId, now);
        await repository.deleteEndedSessions(municipalityId, retentionCutoff(now, settings.sessionDays));
        await repository.deleteSpentPasswordLinks(municipalityId, retentionCutoff(now, settings.passwordLinkDays));
      }),
    },
    {
      name: 'retention-messages',
      run: perMunicipality((repository, municipalityId, settings, now) => repository.deleteOldMessages(municipalityId, retentionCutoff(now, settings.outboxDays))),
    },
    {
      name: 'retention-audit-snapshots',
      run: perMunicipality((repository, municipalityId, _settings, now) => repository.clearAuditSnapshots(municipalityId, now)),
    },
    {
      name: 'retention-attachments',
      run: perMunicipality(async (repository, municipalityId, settings, now, tx) => {
        const removed = await repository.deleteAttachmentsOfClosedRequests(municipalityId, retentionCutoff(now, settings.closedRequestAttachmentDays), attachmentBatch);
        // Objects in a bucket go once the sweep has committed; a sweep that rolls back leaves them with their rows.
        files.discard(
          tx,
          removed.map((attachment) => attachment.storageKey),
        );
        // The timeline and the audit log say what was removed and why; the content is gone.
        const context = { municipalityId, actor: undefined, requestId: 'retention' };
        for (const attachment of removed) {
          const description = { attachmentId: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, isInternal: attachment.isInternal };
          await repository.addSystemEvent({ municipalityId, requestId: attachment.requestId, kind: 'attachmentRemoved', isInternal: attachment.isInternal, text: attachment.fileName, data: { ...description, reason: 'retention' }, occurredAt: now });
          await recordAudit(tx, clock, context, { action: 'request.attachment.retention', entityType: 'request', entityId: attachment.requestId, before: description });
        }
      }),
    },
  ];
}
