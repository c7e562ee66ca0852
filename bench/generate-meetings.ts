import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { insertDefaultMeetingKinds, meeting, meetingKind } from '../server/modules/meetings/index.ts';
import { municipality } from '../server/modules/municipalities/index.ts';
import { neighbourhood } from '../server/modules/neighbourhoods/index.ts';
import { userAccount } from '../server/modules/users/index.ts';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/**
 * A year of meetings for every neighbourhood of every municipality, half behind and half ahead of today, as a busy
 * neighbourhood would have them: a wijktafel with its public closing part, three wijkwerkoverleggen (one with a public
 * part), a public wijkbezoek, and a bilateral or ad-hoc contact every month. Every tenth one is cancelled.
 */
export async function generateMeetings(db: Database): Promise<{ meetings: number; perNeighbourhood: number }> {
  const now = Date.now();
  // The generated municipalities start without meeting kinds; the demo's has them already.
  const withKinds = new Set((await db.selectDistinct({ municipalityId: meetingKind.municipalityId }).from(meetingKind)).map((row) => row.municipalityId));
  for (const { id } of await db.select({ id: municipality.id }).from(municipality)) {
    if (!withKinds.has(id)) await insertDefaultMeetingKinds(db, id, new Date(now));
  }
  const kindIds = new Map<string, string>();
  for (const row of await db.select({ id: meetingKind.id, code: meetingKind.code, municipalityId: meetingKind.municipalityId }).from(meetingKind)) kindIds.set(`${row.municipalityId} ${row.code}`, row.id);
  const creators = new Map<string, string>();
  for (const row of await db.select({ id: userAccount.id, municipalityId: userAccount.municipalityId }).from(userAccount)) creators.set(row.municipalityId, row.id);

  // [kind, days from today, has a public part]; spread so that neighbourhoods do not all meet on one day.
  const year: [string, number, boolean][] = [
    ['wijktafel', -120, true],
    ['wijkwerkoverleg', -150, false],
    ['wijkwerkoverleg', -30, true],
    ['wijkwerkoverleg', 90, false],
    ['wijkbezoek', 60, false],
    ...Array.from({ length: 12 }, (_, month): [string, number, boolean] => [month % 2 === 0 ? 'bilateral' : 'ad_hoc', -180 + month * 30, false]),
  ];
  const places = (await db.select({ id: neighbourhood.id, municipalityId: neighbourhood.municipalityId }).from(neighbourhood)).filter((row) => creators.has(row.municipalityId));
  let total = 0;
  const batch: (typeof meeting.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length > 0) await db.insert(meeting).values(batch.splice(0));
  };
  for (const [placeIndex, place] of places.entries()) {
    for (const [index, [code, days, hasPublicPart]] of year.entries()) {
      const startsAt = new Date(now + (days + (placeIndex % 20)) * dayMs + 19 * hourMs - (now % dayMs));
      const endsAt = new Date(startsAt.getTime() + 2 * hourMs);
      const publicStart = hasPublicPart ? new Date(endsAt.getTime() - hourMs) : null;
      batch.push({
        id: randomUUID(),
        municipalityId: place.municipalityId,
        kindId: kindIds.get(`${place.municipalityId} ${code}`)!,
        neighbourhoodId: place.id,
        title: `${code} ${placeIndex}-${index}`,
        startsAt,
        endsAt,
        location: 'Wijkhuis',
        isLocationInNeighbourhood: true,
        initiatorSide: code === 'wijkbezoek' ? 'council' : 'municipality',
        publicPartStartsAt: publicStart,
        publicPartEndsAt: publicStart ? new Date(publicStart.getTime() + hourMs) : null,
        publicPartLocation: publicStart ? 'Wijkhuis, grote zaal' : null,
        invitedGroups: ['council', 'advisor'],
        state: (placeIndex + index) % 10 === 0 ? 'cancelled' : startsAt.getTime() < now ? 'held' : 'planned',
        createdByUserId: creators.get(place.municipalityId)!,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      });
      total++;
      if (batch.length >= 2000) await flush();
    }
  }
  await flush();
  return { meetings: total, perNeighbourhood: year.length };
}

/** The demo's Brandevoort, whose public feed the benchmark reads. */
export async function findNeighbourhoodId(db: Database, slug: string): Promise<string> {
  const [row] = await db.select({ id: neighbourhood.id }).from(neighbourhood).where(eq(neighbourhood.slug, slug)).limit(1);
  return row.id;
}
