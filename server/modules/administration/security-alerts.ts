import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { hasMessageOnTopicSince } from '../../platform/outbox.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import type { SecurityEventKind } from '../../platform/security-event-kinds.ts';
import { countSecurityEventsAbove, deleteExpiredSecurityEvents } from '../../platform/security-events.ts';
import { notifyUsers } from '../notifications/index.ts';
import { findRoleHolderIds } from '../users/index.ts';
import { securityNotices } from './security.notices.ts';

export interface SecurityAlertPolicy {
  windowMinutes: number;
  /** Per kind: more events than this within the window is an alert; kinds not named never alert. */
  thresholds: Partial<Record<SecurityEventKind, number>>;
}

export const securityAlertTopic = (kind: SecurityEventKind) => `security.alert.${kind}`;

/**
 * E-mails a municipality's administrators when a kind of security event passed its threshold within the window,
 * at most once a window per kind: an alert already in the outbox within the window means this one is known.
 * Returns how many alerts were sent (one per municipality and kind).
 */
export async function sendSecurityAlerts(tx: Executor, clock: Clock, publicUrl: string, policy: SecurityAlertPolicy): Promise<number> {
  const now = clock.now();
  const windowStart = new Date(now.getTime() - policy.windowMinutes * 60_000);
  let sent = 0;
  for (const [kind, threshold] of Object.entries(policy.thresholds) as [SecurityEventKind, number][]) {
    for (const { municipalityId, slug, total } of await countSecurityEventsAbove(tx, kind, windowStart, threshold)) {
      const topic = securityAlertTopic(kind);
      if (await hasMessageOnTopicSince(tx, municipalityId, topic, windowStart)) continue;
      const admins = await findRoleHolderIds(tx, municipalityId, 'admin');
      if (admins.length === 0) continue;
      await notifyUsers(tx, clock, publicUrl, {
        municipalityId,
        recipientUserIds: admins,
        topic,
        notice: securityNotices.thresholdPassed({ kind, total, windowMinutes: policy.windowMinutes, threshold }),
        path: `/${slug}/beheer/beveiliging?soort=${kind}`,
        payload: { kind, total, windowMinutes: policy.windowMinutes, threshold },
        isSecurityNotice: true,
      });
      sent++;
    }
  }
  return sent;
}

/** The scheduled jobs of security events: alerts above a threshold, and deleting what is past retention. */
export function createSecurityEventJobs(dependencies: { clock: Clock; publicUrl: string; alerts: SecurityAlertPolicy; retentionDays: number }): ScheduledJob[] {
  const { clock, publicUrl, alerts, retentionDays } = dependencies;
  return [
    { name: 'security-alerts', run: async (tx) => void (await sendSecurityAlerts(tx, clock, publicUrl, alerts)) },
    { name: 'security-event-retention', run: async (tx) => void (await deleteExpiredSecurityEvents(tx, clock, retentionDays)) },
  ];
}
