import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { notifyUsers } from '../notifications/index.ts';
import { userNotices } from './user.notices.ts';

/**
 * Two weeks before an API token expires, the person it acts for hears of it, so an integration does not stop
 * without warning (ASVS 2.3.3). Once per token: an earlier reminder in the outbox counts as sent.
 */
export function createApiTokenExpiryReminderJob(dependencies: { clock: Clock; publicUrl: string; daysBefore?: number }) {
  const daysBefore = dependencies.daysBefore ?? 14;
  return {
    name: 'remind-expiring-api-tokens',
    async run(tx: Executor) {
      const now = dependencies.clock.now();
      const due = await queryRows<{ id: string; municipality_id: string; user_id: string; name: string; expires_at: Date | string }>(
        tx,
        sql`select t.id::text as id, t.municipality_id::text as municipality_id, t.user_id::text as user_id, t.name, t.expires_at
            from api_token t
            where t.revoked_at is null and t.expires_at > ${now} and t.expires_at <= ${new Date(now.getTime() + daysBefore * 86_400_000)}
              and not exists (select 1 from outbox_message m where m.topic = 'user.apiTokenExpiring' and m.municipality_id = t.municipality_id and m.payload ->> 'apiTokenId' = t.id::text)
            limit 500`,
      );
      for (const token of due) {
        await notifyUsers(tx, dependencies.clock, dependencies.publicUrl, {
          municipalityId: token.municipality_id,
          recipientUserIds: [token.user_id],
          topic: 'user.apiTokenExpiring',
          notice: userNotices.apiTokenExpiring({ name: token.name, expiresAt: new Date(token.expires_at) }),
          payload: { apiTokenId: token.id },
          isSecurityNotice: true,
        });
      }
    },
  };
}
