import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { council } from '../councils/council.tables.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { department, partnerOrganisation } from '../organisation/organisation.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { actionPlanAction } from './action-plan-content.tables.ts';
import { actionPlan, type PartyKind } from './action-plan.tables.ts';

/** Exactly the id column that belongs to the party's kind is set. */
function oneParty(table: { partyKind: unknown; councilId: unknown; partnerOrganisationId: unknown; departmentId: unknown }) {
  return sql`(${table.partyKind} = 'council' and ${table.councilId} is not null and ${table.partnerOrganisationId} is null and ${table.departmentId} is null)
    or (${table.partyKind} = 'partner' and ${table.partnerOrganisationId} is not null and ${table.councilId} is null and ${table.departmentId} is null)
    or (${table.partyKind} = 'department' and ${table.departmentId} is not null and ${table.councilId} is null and ${table.partnerOrganisationId} is null)`;
}

/**
 * The advisor invites each party (the council, each partner, each involved department) to contribute by a due date.
 * `contributedAt` is the first contribution; `remindedAt` keeps the reminder to once.
 */
export const actionPlanInvitation = pgTable(
  'action_plan_invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    partyKind: text('party_kind').$type<PartyKind>().notNull(),
    councilId: uuid('council_id'),
    partnerOrganisationId: uuid('partner_organisation_id'),
    departmentId: uuid('department_id'),
    dueOn: date('due_on').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    contributedAt: timestamp('contributed_at', { withTimezone: true }),
  },
  (table) => [
    unique('action_plan_invitation_tenant_key').on(table.municipalityId, table.id),
    uniqueIndex('action_plan_invitation_party_key').on(table.planId, table.partyKind, sql`coalesce(${table.councilId}, ${table.partnerOrganisationId}, ${table.departmentId})`),
    index('action_plan_invitation_plan_idx').on(table.municipalityId, table.planId),
    // The reminder sweep: open invitations by due date, across municipalities.
    index('action_plan_invitation_due_idx').on(table.dueOn).where(sql`${table.contributedAt} is null and ${table.remindedAt} is null`),
    check('action_plan_invitation_party_check', oneParty(table)),
    foreignKey({ name: 'action_plan_invitation_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_invitation_council_fk', columns: [table.municipalityId, table.councilId], foreignColumns: [council.municipalityId, council.id] }),
    foreignKey({ name: 'action_plan_invitation_partner_fk', columns: [table.municipalityId, table.partnerOrganisationId], foreignColumns: [partnerOrganisation.municipalityId, partnerOrganisation.id] }),
    foreignKey({ name: 'action_plan_invitation_department_fk', columns: [table.municipalityId, table.departmentId], foreignColumns: [department.municipalityId, department.id] }),
  ],
);

export const contributionStates = ['submitted', 'taken_over', 'merged', 'declined'] as const;
export type ContributionState = (typeof contributionStates)[number];

/** What a contributing party proposes for an action, in the SMART terms the plan uses; everything but the title optional. */
export interface ProposedAction {
  specific: string | null;
  location: string | null;
  indicator: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  startsOn: string | null;
  deadlineOn: string | null;
  budgetEuros: number | null;
  hours: number | null;
  fundingSource: string | null;
}

/**
 * A party's contribution: a proposed action under a (new or existing) challenge. The advisor takes it over into the
 * plan, merges it into an existing action, or declines it with a reason; `actionId` is the action it became part of.
 */
export const actionPlanContribution = pgTable(
  'action_plan_contribution',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    planId: uuid('plan_id').notNull(),
    partyKind: text('party_kind').$type<PartyKind>().notNull(),
    councilId: uuid('council_id'),
    partnerOrganisationId: uuid('partner_organisation_id'),
    departmentId: uuid('department_id'),
    challengeTitle: text('challenge_title').notNull(),
    title: text('title').notNull(),
    proposal: jsonb('proposal').$type<ProposedAction>().notNull(),
    state: text('state').$type<ContributionState>().notNull(),
    declineReason: text('decline_reason'),
    actionId: uuid('action_id'),
    submittedByUserId: uuid('submitted_by_user_id').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    handledByUserId: uuid('handled_by_user_id'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('action_plan_contribution_tenant_key').on(table.municipalityId, table.id),
    index('action_plan_contribution_plan_idx').on(table.municipalityId, table.planId, table.submittedAt),
    // The subsidy condition: a council's contributions by date.
    index('action_plan_contribution_council_idx').on(table.municipalityId, table.councilId, table.submittedAt).where(sql`${table.councilId} is not null`),
    check('action_plan_contribution_party_check', oneParty(table)),
    foreignKey({ name: 'action_plan_contribution_plan_fk', columns: [table.municipalityId, table.planId], foreignColumns: [actionPlan.municipalityId, actionPlan.id] }).onDelete('cascade'),
    foreignKey({ name: 'action_plan_contribution_council_fk', columns: [table.municipalityId, table.councilId], foreignColumns: [council.municipalityId, council.id] }),
    foreignKey({ name: 'action_plan_contribution_partner_fk', columns: [table.municipalityId, table.partnerOrganisationId], foreignColumns: [partnerOrganisation.municipalityId, partnerOrganisation.id] }),
    foreignKey({ name: 'action_plan_contribution_department_fk', columns: [table.municipalityId, table.departmentId], foreignColumns: [department.municipalityId, department.id] }),
    foreignKey({ name: 'action_plan_contribution_action_fk', columns: [table.municipalityId, table.actionId], foreignColumns: [actionPlanAction.municipalityId, actionPlanAction.id] }),
    foreignKey({ name: 'action_plan_contribution_submitted_by_fk', columns: [table.municipalityId, table.submittedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'action_plan_contribution_handled_by_fk', columns: [table.municipalityId, table.handledByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);
