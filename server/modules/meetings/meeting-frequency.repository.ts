import { and, asc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { councilTerm } from '../organisation/organisation.tables.ts';
import { meetingKind } from './meeting-kind.tables.ts';
import { meeting } from './meeting.tables.ts';
import type { StructureKindCode } from './meeting-frequency-overview.rules.ts';

/** SQL for the frequency overview: a few set-wide queries, never one per neighbourhood. */
export function createMeetingFrequencyRepository(db: Executor) {
  return {
    /** The neighbourhoods the overview covers, by name; `neighbourhoodIds` narrows (a council member's own). */
    async neighbourhoods(municipalityId: string, filter: { neighbourhoodId?: string; neighbourhoodIds?: string[] }) {
      const conditions = [eq(neighbourhood.municipalityId, municipalityId)];
      if (filter.neighbourhoodId) conditions.push(eq(neighbourhood.id, filter.neighbourhoodId));
      if (filter.neighbourhoodIds) conditions.push(filter.neighbourhoodIds.length > 0 ? inArray(neighbourhood.id, filter.neighbourhoodIds) : sql`false`);
      return db
        .select({
          id: neighbourhood.id,
          name: neighbourhood.name,
          slug: neighbourhood.slug,
          isDevelopmentArea: neighbourhood.isDevelopmentArea,
          developmentAgreement: neighbourhood.developmentAgreement,
          yearlyMeetingTarget: neighbourhood.yearlyMeetingTarget,
          yearlyMeetingTargetRecordedAt: neighbourhood.yearlyMeetingTargetRecordedAt,
          version: neighbourhood.version,
        })
        .from(neighbourhood)
        .where(and(...conditions))
        .orderBy(asc(neighbourhood.name), asc(neighbourhood.id))
        .limit(1000);
    },

    async kinds(municipalityId: string, codes: readonly StructureKindCode[]) {
      return db
        .select({ id: meetingKind.id, code: meetingKind.code, nameNl: meetingKind.nameNl, nameEn: meetingKind.nameEn, frequencyRule: meetingKind.frequencyRule, frequencyValue: meetingKind.frequencyValue })
        .from(meetingKind)
        .where(and(eq(meetingKind.municipalityId, municipalityId), inArray(meetingKind.code, [...codes])))
        .orderBy(asc(meetingKind.sortOrder));
    },

    /**
     * The start of every meeting of these kinds in the municipality's neighbourhoods, one query for the whole overview
     * through meeting_neighbourhood_idx. Cancelled meetings are left out, and so are drafts: a planner's working copy
     * is not yet a meeting anyone was invited to.
     */
    async meetingStarts(municipalityId: string, kindIds: string[], neighbourhoodIds: string[]) {
      if (kindIds.length === 0 || neighbourhoodIds.length === 0) return [];
      return db
        .select({ neighbourhoodId: meeting.neighbourhoodId, kindId: meeting.kindId, startsAt: meeting.startsAt })
        .from(meeting)
        .where(and(eq(meeting.municipalityId, municipalityId), inArray(meeting.neighbourhoodId, neighbourhoodIds), inArray(meeting.kindId, kindIds), isNotNull(meeting.neighbourhoodId), notInArray(meeting.state, ['cancelled', 'draft'])));
    },

    async terms(municipalityId: string) {
      return db.select({ startsOn: councilTerm.startsOn, endsOn: councilTerm.endsOn }).from(councilTerm).where(eq(councilTerm.municipalityId, municipalityId)).limit(100);
    },

    async findNeighbourhood(municipalityId: string, neighbourhoodId: string) {
      const [row] = await db
        .select({ id: neighbourhood.id, version: neighbourhood.version, yearlyMeetingTarget: neighbourhood.yearlyMeetingTarget, yearlyMeetingTargetRecordedByUserId: neighbourhood.yearlyMeetingTargetRecordedByUserId, yearlyMeetingTargetRecordedAt: neighbourhood.yearlyMeetingTargetRecordedAt })
        .from(neighbourhood)
        .where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return row;
    },

    /** Optimistic: only when the neighbourhood is still at the version the advisor saw. */
    async recordYearlyTarget(municipalityId: string, neighbourhoodId: string, expectedVersion: number, values: { yearlyTarget: number; userId: string; at: Date }) {
      const [row] = await db
        .update(neighbourhood)
        .set({ yearlyMeetingTarget: values.yearlyTarget, yearlyMeetingTargetRecordedByUserId: values.userId, yearlyMeetingTargetRecordedAt: values.at, version: sql`${neighbourhood.version} + 1`, updatedAt: values.at })
        .where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId), eq(neighbourhood.version, expectedVersion)))
        .returning({ id: neighbourhood.id, version: neighbourhood.version, yearlyMeetingTarget: neighbourhood.yearlyMeetingTarget, yearlyMeetingTargetRecordedByUserId: neighbourhood.yearlyMeetingTargetRecordedByUserId, yearlyMeetingTargetRecordedAt: neighbourhood.yearlyMeetingTargetRecordedAt });
      return row;
    },
  };
}
