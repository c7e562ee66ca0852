import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { neighbourhood } from '../server/modules/neighbourhoods/index.ts';
import { department } from '../server/modules/organisation/index.ts';
import { request } from '../server/modules/requests/index.ts';
import { userAccount } from '../server/modules/users/index.ts';

const kinds = ['question', 'request', 'advice_solicited', 'advice_unsolicited', 'initiative'];
const states = ['submitted', 'acknowledged', 'routed', 'answered', 'answered', 'answered', 'closed'] as const;
const verdicts = ['nu', 'ooit', 'nooit'];
const subjects = ['Lantaarnpaal', 'Speeltuin', 'Parkeren', 'Groenstrook', 'Verkeersdrempel', 'Jongerenontmoetingsplek', 'Fietspad', 'Afvalbakken', 'Bankjes', 'Hondenuitlaatplaats'];

/**
 * Requests a year back, in every state: 30 % in the benchmark's own municipality (so its figures cover tens of
 * thousands of rows), the rest spread over every neighbourhood of every other municipality.
 */
export async function generateRequests(db: Database, total: number, focusMunicipalityId: string): Promise<number> {
  const neighbourhoods = await db.select({ id: neighbourhood.id, municipalityId: neighbourhood.municipalityId }).from(neighbourhood);
  const submitters = new Map<string, string>();
  for (const row of await db.select({ id: userAccount.id, municipalityId: userAccount.municipalityId }).from(userAccount)) submitters.set(row.municipalityId, row.id);
  const departments = new Map<string, string>();
  for (const row of await db.select({ id: department.id, municipalityId: department.municipalityId }).from(department).where(and(eq(department.code, 'verkeer')))) departments.set(row.municipalityId, row.id);
  const usable = neighbourhoods.filter((row) => submitters.has(row.municipalityId));
  const focus = usable.filter((row) => row.municipalityId === focusMunicipalityId);
  const elsewhere = usable.filter((row) => row.municipalityId !== focusMunicipalityId);
  const yearMs = 365 * 86_400_000;
  const now = Date.now();
  const batch = 2000;
  for (let start = 0; start < total; start += batch) {
    const rows = Array.from({ length: Math.min(batch, total - start) }, (_, offset) => {
      const index = start + offset;
      const place = index % 10 < 3 ? focus[index % focus.length] : elsewhere[index % elsewhere.length];
      const state = states[index % states.length];
      const createdAt = new Date(now - ((index * 7919) % yearMs));
      const day = (date: Date) => date.toISOString().slice(0, 10);
      const isAnswered = state === 'answered' || state === 'closed';
      return {
        id: randomUUID(),
        municipalityId: place.municipalityId,
        // Generated data numbers on its own: unique per municipality, in a range submitting never reaches.
        reference: `GEN-${createdAt.getUTCFullYear()}-${900_000 + index}`,
        kind: kinds[index % kinds.length],
        title: `${subjects[index % subjects.length]} ${index}`,
        body: `Gegenereerde vraag over ${subjects[index % subjects.length].toLowerCase()} in de wijk, nummer ${index}.`,
        neighbourhoodId: place.id,
        scale: 'neighbourhood',
        weight: 'large',
        isPublic: index % 5 !== 0,
        state,
        submitterUserId: submitters.get(place.municipalityId)!,
        acknowledgeBy: day(new Date(createdAt.getTime() + 7 * 86_400_000)),
        answerBy: day(new Date(createdAt.getTime() + 28 * 86_400_000)),
        acknowledgedAt: state === 'submitted' ? null : new Date(createdAt.getTime() + 2 * 86_400_000),
        routedAt: state === 'routed' || isAnswered ? new Date(createdAt.getTime() + 3 * 86_400_000) : null,
        answeredAt: isAnswered ? new Date(createdAt.getTime() + ((index % 40) + 5) * 86_400_000) : null,
        leadDepartmentId: state === 'routed' || isAnswered ? (departments.get(place.municipalityId) ?? null) : null,
        verdict: isAnswered ? verdicts[index % verdicts.length] : null,
        createdAt,
        updatedAt: createdAt,
      };
    });
    await db.insert(request).values(rows);
  }
  return total;
}
