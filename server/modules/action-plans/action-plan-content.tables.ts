import { sql } from 'drizzle-orm';
import { bytea } from '../../db/columns.ts';
import { boolean, check, date, doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { council } from '../councils/council.tables.ts';
import { meetingFollowUp } from '../meetings/meeting-minutes.tables.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { department, partnerOrganisation, theme } from '../organisation/organisation.tables.ts';
import { request } from '../requests/request.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import type { ProgressStatus } from './action-plan-progress.rules.ts';
import { actionPlan, type PartyKind } from './action-plan.tables.ts';

/** A challenge (opgave): one of the neighbourhood's main tasks for the coming period, with its themes. */
export const actionPlanChallenge = pgTable(
  'action_plan_challenge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('action_plan_challenge_tenant_key').on(table.municipalityId, table.id),
    index('action_plan_challenge_plan_idx').on(table.municipalityId, table.planId, table.position),
    foreignKey({ name: 'action_plan_challenge_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
  ],
);

export const actionPlanChallengeTheme = pgTable(
  'action_plan_challenge_theme',
  {
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    challengeId: uuid('challenge_id').notNull(),
    themeId: uuid('theme_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.challengeId, table.themeId] }),
    foreignKey({ name: 'action_plan_challenge_theme_challenge_fk', columns: [table.municipalityId, table.challengeId], foreignColumns: [actionPlanChallenge.municipalityId, actionPlanChallenge.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_challenge_theme_theme_fk', columns: [table.municipalityId, table.themeId], foreignColumns: [theme.municipalityId, theme.id] }),
  ],
);

/**
 * Where an action came from: a request the plan takes up, an agreement from minutes, or a party's contribution (the
 * contribution keeps the link, `action_plan_contribution.action_id`).
 */
export const actionOriginKinds = ['request', 'follow_up', 'contribution'] as const;
export type ActionOriginKind = (typeof actionOriginKinds)[number];

/**
 * A SMART action under a challenge. Specific: title, what exactly and where. Measurable: indicator, baseline, target
 * and unit. Acceptable: the owning party (a department, partner organisation or the council), its contact, and the
 * confirmation that it is effort on top of regular work. Realistic: money, hours and their source. Time-bound: start
 * and deadline. The latest progress is kept on the row so lists and roll-ups need no history.
 */
export const actionPlanAction = pgTable(
  'action_plan_action',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    challengeId: uuid('challenge_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    specific: text('specific'),
    location: text('location'),
    indicator: text('indicator'),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
    unit: text('unit'),
    ownerKind: text('owner_kind').$type<PartyKind>(),
    ownerDepartmentId: uuid('owner_department_id'),
    ownerPartnerOrganisationId: uuid('owner_partner_organisation_id'),
    ownerCouncilId: uuid('owner_council_id'),
    contactUserId: uuid('contact_user_id'),
    isOnTopOfRegularWork: boolean('is_on_top_of_regular_work').notNull().default(false),
    budgetEuros: integer('budget_euros'),
    hours: integer('hours'),
    fundingSource: text('funding_source'),
    startsOn: date('starts_on'),
    deadlineOn: date('deadline_on'),
    originKind: text('origin_kind').$type<ActionOriginKind>(),
    originRequestId: uuid('origin_request_id'),
    originFollowUpId: uuid('origin_follow_up_id'),
    progressStatus: text('progress_status').$type<ProgressStatus>().notNull().default('not_started'),
    currentValue: doublePrecision('current_value'),
    progressNote: text('progress_note'),
    progressUpdatedAt: timestamp('progress_updated_at', { withTimezone: true }),
    doneOn: date('done_on'),
    droppedReason: text('dropped_reason'),
    deadlineRemindedAt: timestamp('deadline_reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('action_plan_action_tenant_key').on(table.municipalityId, table.id),
    index('action_plan_action_plan_idx').on(table.municipalityId, table.planId, table.challengeId, table.position),
    // The advisor's attention list: open actions by deadline, across the municipality's plans.
    index('action_plan_action_attention_idx')
      .on(table.municipalityId, table.deadlineOn)
      .where(sql`${table.progressStatus} not in ('done', 'dropped')`),
    index('action_plan_action_origin_request_idx').on(table.municipalityId, table.originRequestId).where(sql`${table.originRequestId} is not null`),
    check(
      'action_plan_action_owner_check',
      sql`(${table.ownerKind} is null and ${table.ownerDepartmentId} is null and ${table.ownerPartnerOrganisationId} is null and ${table.ownerCouncilId} is null)
        or (${table.ownerKind} = 'department' and ${table.ownerDepartmentId} is not null and ${table.ownerPartnerOrganisationId} is null and ${table.ownerCouncilId} is null)
        or (${table.ownerKind} = 'partner' and ${table.ownerPartnerOrganisationId} is not null and ${table.ownerDepartmentId} is null and ${table.ownerCouncilId} is null)
        or (${table.ownerKind} = 'council' and ${table.ownerCouncilId} is not null and ${table.ownerDepartmentId} is null and ${table.ownerPartnerOrganisationId} is null)`,
    ),
    foreignKey({ name: 'action_plan_action_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_action_challenge_fk', columns: [table.municipalityId, table.challengeId], foreignColumns: [actionPlanChallenge.municipalityId, actionPlanChallenge.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_action_department_fk', columns: [table.municipalityId, table.ownerDepartmentId], foreignColumns: [department.municipalityId, department.id] }),
    foreignKey({ name: 'action_plan_action_partner_fk', columns: [table.municipalityId, table.ownerPartnerOrganisationId], foreignColumns: [partnerOrganisation.municipalityId, partnerOrganisation.id] }),
    foreignKey({ name: 'action_plan_action_council_fk', columns: [table.municipalityId, table.ownerCouncilId], foreignColumns: [council.municipalityId, council.id] }),
    foreignKey({ name: 'action_plan_action_contact_fk', columns: [table.municipalityId, table.contactUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'action_plan_action_request_fk', columns: [table.municipalityId, table.originRequestId], foreignColumns: [request.municipalityId, request.id] }),
    foreignKey({ name: 'action_plan_action_follow_up_fk', columns: [table.municipalityId, table.originFollowUpId], foreignColumns: [meetingFollowUp.municipalityId, meetingFollowUp.id] }),
  ],
);

/** Discussion and decision points the advisor marks for the wijktafel, on the plan, a challenge or an action. */
export const planPointKinds = ['discussion', 'decision'] as const;
export type PlanPointKind = (typeof planPointKinds)[number];

export const actionPlanPoint = pgTable(
  'action_plan_point',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    kind: text('kind').$type<PlanPointKind>().notNull(),
    text: text('text').notNull(),
    challengeId: uuid('challenge_id'),
    actionId: uuid('action_id'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('action_plan_point_tenant_key').on(table.municipalityId, table.id),
    index('action_plan_point_plan_idx').on(table.municipalityId, table.planId),
    foreignKey({ name: 'action_plan_point_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_point_challenge_fk', columns: [table.municipalityId, table.challengeId], foreignColumns: [actionPlanChallenge.municipalityId, actionPlanChallenge.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_point_action_fk', columns: [table.municipalityId, table.actionId], foreignColumns: [actionPlanAction.municipalityId, actionPlanAction.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_point_created_by_fk', columns: [table.municipalityId, table.createdByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** The history of progress on an action: who said what, when. */
export const actionProgress = pgTable(
  'action_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    actionId: uuid('action_id').notNull(),
    status: text('status').$type<ProgressStatus>().notNull(),
    currentValue: doublePrecision('current_value'),
    note: text('note'),
    reason: text('reason'),
    postedByUserId: uuid('posted_by_user_id').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    postedOn: date('posted_on').notNull(),
  },
  (table) => [
    index('action_progress_action_idx').on(table.municipalityId, table.actionId, table.postedAt),
    unique('action_progress_tenant_key').on(table.municipalityId, table.id),
    foreignKey({ name: 'action_progress_action_fk', columns: [table.municipalityId, table.actionId], foreignColumns: [actionPlanAction.municipalityId, actionPlanAction.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_progress_posted_by_fk', columns: [table.municipalityId, table.postedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/**
 * Evidence with a progress report: a photo of the finished work, the minutes of an event, a count. A PDF or an
 * image, checked like every upload; seen by whoever may see the plan, never on the public page.
 */
export const actionProgressEvidence = pgTable(
  'action_progress_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    actionId: uuid('action_id').notNull(),
    progressId: uuid('progress_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** The bytes, unless they are in object storage (S3_URL): then null, and storageKey names the object. */
    content: bytea('content'),
    storageKey: text('storage_key'),
    uploadedByUserId: uuid('uploaded_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    // The bytes are in exactly one place: the row or the bucket.
    check('action_progress_evidence_stored_once', sql`(${table.content} is null) <> (${table.storageKey} is null)`),
    index('action_progress_evidence_action_idx').on(table.municipalityId, table.actionId, table.progressId),
    // The uploader's storage quota sums their files.
    index('action_progress_evidence_uploader_idx').on(table.municipalityId, table.uploadedByUserId),
    foreignKey({ name: 'action_progress_evidence_progress_fk', columns: [table.municipalityId, table.progressId], foreignColumns: [actionProgress.municipalityId, actionProgress.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_progress_evidence_action_fk', columns: [table.municipalityId, table.actionId], foreignColumns: [actionPlanAction.municipalityId, actionPlanAction.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_progress_evidence_uploader_fk', columns: [table.municipalityId, table.uploadedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);
