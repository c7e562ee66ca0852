import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { requestFollower } from './request.tables.ts';

/** Who follows which public request: the only place with SQL for request_follower. */
export function createRequestFollowerRepository(db: Executor) {
  const of = (municipalityId: string, requestId: string) => and(eq(requestFollower.municipalityId, municipalityId), eq(requestFollower.requestId, requestId));
  return {
    async isFollowedBy(municipalityId: string, requestId: string, userId: string): Promise<boolean> {
      const [found] = await db.select({ userId: requestFollower.userId }).from(requestFollower).where(and(of(municipalityId, requestId), eq(requestFollower.userId, userId)));
      return Boolean(found);
    },
    /** Bounded: a request with more followers than this tells the first ones; no request comes near it. */
    async followersOf(municipalityId: string, requestId: string): Promise<string[]> {
      const rows = await db.select({ userId: requestFollower.userId }).from(requestFollower).where(of(municipalityId, requestId)).limit(10_000);
      return rows.map((row) => row.userId);
    },
    /** Following twice is following once. Returns whether this call started it. */
    async follow(values: typeof requestFollower.$inferInsert): Promise<boolean> {
      const inserted = await db.insert(requestFollower).values(values).onConflictDoNothing().returning({ userId: requestFollower.userId });
      return inserted.length > 0;
    },
    async unfollow(municipalityId: string, requestId: string, userId: string): Promise<boolean> {
      const deleted = await db.delete(requestFollower).where(and(of(municipalityId, requestId), eq(requestFollower.userId, userId))).returning({ userId: requestFollower.userId });
      return deleted.length > 0;
    },
  };
}
