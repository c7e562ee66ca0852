import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { meeting } from '../meetings/meeting.tables.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import type { AcceptedWarning } from './action-plan-smart.rules.ts';
import type { PlanChange, PlanSnapshot } from './action-plan-version.rules.ts';
import type { ActionPlanState } from './action-plan.workflow.ts';

/** One section of the plan's template, as the municipality publishes it (§4.1 "vooraf vastgesteld en bekend"). */
export interface PlanSection {
  key: string;
  titleNl: string;
  titleEn: string;
  guidanceNl: string;
  guidanceEn: string;
}

/** One step of the contribution process: which party delivers what. */
export interface ContributionStep {
  party: PartyKind;
  deliversNl: string;
  deliversEn: string;
}

/** The three kinds of party that contribute to and own actions in a plan. */
export const partyKinds = ['council', 'partner', 'department'] as const;
export type PartyKind = (typeof partyKinds)[number];

/**
 * The municipality's way of working for action plans, published before any plan is made so councils and partners
 * know what to deliver and when. Without a row the defaults hold (and the page says they are not published yet).
 */
export const actionPlanMethod = pgTable('action_plan_method', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipality.id),
  sections: jsonb('sections').$type<PlanSection[]>().notNull(),
  contributionSteps: jsonb('contribution_steps').$type<ContributionStep[]>().notNull(),
  contributionWeeksBefore: integer('contribution_weeks_before').notNull(),
  reportIntervalMonths: integer('report_interval_months').notNull(),
  deadlineReminderDays: integer('deadline_reminder_days').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedByUserId: uuid('published_by_user_id').notNull(),
  version: integer('version').notNull().default(1),
});

/**
 * A neighbourhood's action plan, born from a planned wijktafel (one plan per wijktafel). The live content is its
 * challenges and actions; adopting freezes them into a numbered version. After adoption the content changes only
 * while a revision is open, which ends in the next version.
 */
export const actionPlan = pgTable(
  'action_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    title: text('title').notNull(),
    state: text('state').$type<ActionPlanState>().notNull(),
    periodStartsOn: date('period_starts_on').notNull(),
    periodEndsOn: date('period_ends_on').notNull(),
    contributionsDueOn: date('contributions_due_on').notNull(),
    reportIntervalMonths: integer('report_interval_months').notNull(),
    currentVersionNumber: integer('current_version_number'),
    adoptedOn: date('adopted_on'),
    hasOpenRevision: boolean('has_open_revision').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('action_plan_tenant_key').on(table.municipalityId, table.id),
    unique('action_plan_meeting_key').on(table.municipalityId, table.meetingId),
    index('action_plan_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId, table.periodStartsOn),
    index('action_plan_state_idx').on(table.municipalityId, table.state),
    check('action_plan_period_check', sql`${table.periodEndsOn} > ${table.periodStartsOn}`),
    foreignKey({ name: 'action_plan_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }),
    foreignKey({ name: 'action_plan_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }),
    foreignKey({ name: 'action_plan_created_by_fk', columns: [table.municipalityId, table.createdByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** An adopted version: the content as it was adopted, never changed afterwards. */
export const actionPlanVersion = pgTable(
  'action_plan_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').$type<PlanSnapshot>().notNull(),
    /** What the advisor says changed, for version 2 and later. */
    changeLog: text('change_log'),
    /** The differences with the previous version, worked out when adopting. */
    changes: jsonb('changes').$type<PlanChange[]>().notNull(),
    acceptedWarnings: jsonb('accepted_warnings').$type<AcceptedWarning[]>().notNull(),
    adoptedOn: date('adopted_on').notNull(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull(),
    adoptedByUserId: uuid('adopted_by_user_id').notNull(),
  },
  (table) => [
    unique('action_plan_version_number_key').on(table.municipalityId, table.planId, table.number),
    foreignKey({ name: 'action_plan_version_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_version_adopted_by_fk', columns: [table.municipalityId, table.adoptedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** What a progress report holds: the roll-up and every action's state at the moment it was made. */
export interface ProgressReportContent {
  versionNumber: number;
  rollup: { total: number; counted: number; done: number; overdue: number; atRisk: number; delayed: number; dropped: number; percentDone: number | null };
  challenges: { title: string; actions: { actionId: string; title: string; ownerName: string | null; deadlineOn: string | null; status: string; currentValue: number | null; target: number | null; unit: string | null; note: string | null; isOverdue: boolean }[] }[];
  successes: { actionId: string; title: string; doneOn: string | null }[];
}

/**
 * A progress report to the council for one period of the plan (quarterly unless the plan says otherwise): made once
 * the period has ended, sent to the council, kept. `dueOn` is when it should have gone out; later is flagged.
 */
export const actionPlanReport = pgTable(
  'action_plan_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    number: integer('number').notNull(),
    periodStartsOn: date('period_starts_on').notNull(),
    periodEndsOn: date('period_ends_on').notNull(),
    dueOn: date('due_on').notNull(),
    content: jsonb('content').$type<ProgressReportContent>().notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentOn: date('sent_on'),
  },
  (table) => [
    unique('action_plan_report_tenant_key').on(table.municipalityId, table.id),
    unique('action_plan_report_number_key').on(table.municipalityId, table.planId, table.number),
    foreignKey({ name: 'action_plan_report_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
  ],
);
