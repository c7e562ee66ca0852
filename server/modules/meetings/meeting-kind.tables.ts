import { boolean, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import type { ChairRule, FrequencyRule, InitiatorSide, MeetingCharacter, MeetingKindCode, ParticipantGroup } from './meeting.rules.ts';

/**
 * A kind of meeting with its rules (§3.2): the note's wijktafel, wijkwerkoverleg and wijkbezoek, and bilateral and
 * ad-hoc meetings that do not count toward the structure. Every municipality has the five, with the note's defaults;
 * the note allows tailoring, so an administrator may change texts and rules, but not add or remove kinds.
 */
export const meetingKind = pgTable(
  'meeting_kind',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    code: text('code').$type<MeetingKindCode>().notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    purposeNl: text('purpose_nl').notNull(),
    purposeEn: text('purpose_en').notNull(),
    expectedResultNl: text('expected_result_nl').notNull(),
    expectedResultEn: text('expected_result_en').notNull(),
    initiators: text('initiators').array().$type<InitiatorSide[]>().notNull(),
    chairRule: text('chair_rule').$type<ChairRule>().notNull(),
    requiredParticipants: text('required_participants').array().$type<ParticipantGroup[]>().notNull(),
    optionalParticipants: text('optional_participants').array().$type<ParticipantGroup[]>().notNull(),
    character: text('character').$type<MeetingCharacter>().notNull(),
    frequencyRule: text('frequency_rule').$type<FrequencyRule>().notNull(),
    frequencyValue: integer('frequency_value'),
    countsTowardStructure: boolean('counts_toward_structure').notNull(),
    takesPlaceInNeighbourhood: boolean('takes_place_in_neighbourhood').notNull(),
    needsDossiers: boolean('needs_dossiers').notNull(),
    minutesDueWorkingDays: integer('minutes_due_working_days'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('meeting_kind_code_key').on(table.municipalityId, table.code), unique('meeting_kind_tenant_key').on(table.municipalityId, table.id)],
);
