import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { council } from '../councils/council.tables.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { department } from '../organisation/organisation.tables.ts';
import { userAccount } from '../users/user.tables.ts';

export interface AdviceRequestDocument {
  title: string;
  url: string;
}

/**
 * The municipality asks one or more councils for advice (solicited advice, §3.1): the question, the documents
 * it is about, the date the advice is due, and whether it is part of a formal inspraak procedure. Each council's
 * answer is an advice in the answer protocol, linked back to this request.
 */
export const adviceRequest = pgTable(
  'advice_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    title: text('title').notNull(),
    question: text('question').notNull(),
    documents: jsonb('documents').$type<AdviceRequestDocument[]>().notNull().default([]),
    dueOn: date('due_on').notNull(),
    isFormalInspraak: boolean('is_formal_inspraak').notNull().default(false),
    departmentId: uuid('department_id'),
    requestedByUserId: uuid('requested_by_user_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('advice_request_due_idx').on(table.municipalityId, table.dueOn),
    unique('advice_request_tenant_key').on(table.municipalityId, table.id),
    foreignKey({ name: 'advice_request_department_fk', columns: [table.municipalityId, table.departmentId], foreignColumns: [department.municipalityId, department.id] }),
    foreignKey({ name: 'advice_request_requester_fk', columns: [table.municipalityId, table.requestedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** The councils an advice request was sent to. */
export const adviceRequestCouncil = pgTable(
  'advice_request_council',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    adviceRequestId: uuid('advice_request_id').notNull(),
    councilId: uuid('council_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.adviceRequestId, table.councilId] }),
    index('advice_request_council_council_idx').on(table.municipalityId, table.councilId),
    foreignKey({ name: 'advice_request_council_request_fk', columns: [table.municipalityId, table.adviceRequestId], foreignColumns: [adviceRequest.municipalityId, adviceRequest.id] }).onDelete('cascade'),
    foreignKey({ name: 'advice_request_council_council_fk', columns: [table.municipalityId, table.councilId], foreignColumns: [council.municipalityId, council.id] }),
  ],
);
