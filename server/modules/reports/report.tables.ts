import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/columns.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { area, neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { department } from '../organisation/organisation.tables.ts';
import { request } from '../requests/request.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import type { DayKind, ReportQuestion } from './report-category.rules.ts';
import type { ReportPriority, ReportStatus } from './report.workflow.ts';

/**
 * A category of public-space problem: a main category ("Afval") holds subcategories ("Container is vol"); a
 * report always has a subcategory. Each municipality keeps its own list, its handling terms and its routing.
 */
export const reportCategory = pgTable(
  'report_category',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    /** Null for a main category. */
    parentId: uuid('parent_id'),
    /** Stable and unique within the municipality: the Open311 service_code. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    description: text('description').notNull().default(''),
    /** Days to handle a report; null: no term set, no deadline. */
    handlingDays: integer('handling_days'),
    dayKind: text('day_kind').$type<DayKind>().notNull().default('working'),
    /** Where reports of this category go; null: the municipality routes them by hand. */
    departmentId: uuid('department_id'),
    /** Extra questions the reporter answers (the Open311 service definition's attributes). */
    questions: jsonb('questions').$type<ReportQuestion[]>().notNull().default(sql`'[]'::jsonb`),
    isActive: boolean('is_active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('report_category_tenant_key').on(table.municipalityId, table.id),
    uniqueIndex('report_category_code_key').on(table.municipalityId, table.code),
    index('report_category_parent_idx').on(table.municipalityId, table.parentId, table.sortOrder),
    check('report_category_handling_days_range', sql`${table.handlingDays} between 0 and 365`),
    check('report_category_day_kind', sql`${table.dayKind} in ('working', 'calendar')`),
    foreignKey({ name: 'report_category_parent_fk', columns: [table.municipalityId, table.parentId], foreignColumns: [table.municipalityId, table.id] }),
    // The migration adds ON DELETE SET NULL (department_id): a department that closes leaves its categories to be
    // routed by hand, without nulling the municipality (PostgreSQL 15's column list; drizzle cannot say it).
    foreignKey({ name: 'report_category_department_fk', columns: [table.municipalityId, table.departmentId], foreignColumns: [department.municipalityId, department.id] }),
  ],
);

export interface ReportReferral {
  code: string;
  name: string;
  note: string | null;
  state: 'referred' | 'pickedUp' | 'fedBack';
  feedback: string | null;
}

/** A melding: a resident's report of a problem in public space, and its handling. */
export const report = pgTable(
  'report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    /** What the reporter and the back office call it: "M-2026-004211". */
    reference: text('reference').notNull(),
    categoryId: uuid('category_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id').notNull(),
    areaId: uuid('area_id'),
    departmentId: uuid('department_id'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** What the reporter typed or the geocoder found; may be empty when they tapped the map. */
    address: text('address').notNull().default(''),
    description: text('description').notNull(),
    /** Answers to the category's extra questions, by question code. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').$type<ReportStatus>().notNull(),
    priority: text('priority').$type<ReportPriority>().notNull().default('normal'),
    /** From the category's handling term; null when the category has none. */
    handleBy: date('handle_by'),
    assignedUserId: uuid('assigned_user_id'),
    /** Contact for feedback, only with the reporter's consent; erased some months after closing. */
    reporterEmail: text('reporter_email'),
    reporterPhone: text('reporter_phone'),
    reporterLanguage: text('reporter_language').notNull().default('nl'),
    contactErasedAt: timestamp('contact_erased_at', { withTimezone: true }),
    /** The reporter allows their photos on the public map (staff still approve each one). */
    mayPublishPhotos: boolean('may_publish_photos').notNull().default(false),
    /** sha-256 of the secret in the reporter's status link (and the Open311 token). */
    statusTokenHash: text('status_token_hash').notNull(),
    /**
     * The same secret sealed with SECRET_ENCRYPTION_KEY: later e-mails carry the link again, and a retried
     * submission gets the same answer. The hash above is what lookups use.
     */
    statusTokenSealed: text('status_token_sealed'),
    /** A client's Idempotency-Key and a digest of what it sent, so a retry returns the same report. */
    idempotencyKey: text('idempotency_key'),
    idempotencyDigest: text('idempotency_digest'),
    /** Where it came in: the web form, Open311, or staff on someone's behalf. */
    channel: text('channel').notNull().default('web'),
    /** The latest message to the reporter (Open311's status_notes). */
    statusNotes: text('status_notes').notNull().default(''),
    /** For a forwarded report: the external party that handles it now. */
    forwardedTo: text('forwarded_to'),
    mergedIntoReportId: uuid('merged_into_report_id'),
    /** A front-line team the report was referred to (a code from the request protocol's list), and how far it is. */
    referral: jsonb('referral').$type<ReportReferral>(),
    /** The neighbourhood request this report is linked to or was turned into (a recurring problem needing policy). */
    requestId: uuid('request_id'),
    /** A sub-report split off for another department points at the report it came from. */
    parentReportId: uuid('parent_report_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('report_tenant_key').on(table.municipalityId, table.id),
    uniqueIndex('report_reference_key').on(table.municipalityId, table.reference),
    uniqueIndex('report_status_token_key').on(table.statusTokenHash),
    uniqueIndex('report_idempotency_key').on(table.municipalityId, table.idempotencyKey).where(sql`${table.idempotencyKey} is not null`),
    // The back-office queue: by status and deadline, per department, per neighbourhood.
    index('report_status_deadline_idx').on(table.municipalityId, table.status, table.handleBy),
    index('report_department_status_idx').on(table.municipalityId, table.departmentId, table.status, table.handleBy),
    index('report_neighbourhood_created_idx').on(table.municipalityId, table.neighbourhoodId, table.createdAt),
    index('report_category_created_idx').on(table.municipalityId, table.categoryId, table.createdAt),
    index('report_created_idx').on(table.municipalityId, table.createdAt),
    // The map and "al gemeld?": a viewport is a latitude band, narrowed by longitude.
    index('report_position_idx').on(table.municipalityId, table.latitude, table.longitude),
    // The public map's two layers: what is open (closed_at is null), and what was dealt with lately (by closing date).
    index('report_open_position_idx').on(table.municipalityId, table.latitude, table.longitude).where(sql`${table.closedAt} is null`),
    index('report_closed_idx').on(table.municipalityId, table.closedAt).where(sql`${table.closedAt} is not null`),
    // The queue as staff open it: what is still open, nearest deadline first, for all or per department.
    index('report_open_queue_idx').on(table.municipalityId, table.handleBy, table.createdAt).where(sql`${table.closedAt} is null`),
    index('report_open_department_queue_idx').on(table.municipalityId, table.departmentId, table.handleBy, table.createdAt).where(sql`${table.closedAt} is null`),
    index('report_contact_retention_idx').on(table.municipalityId, table.closedAt).where(sql`${table.reporterEmail} is not null or ${table.reporterPhone} is not null`),
    check('report_latitude_range', sql`${table.latitude} between -90 and 90`),
    check('report_longitude_range', sql`${table.longitude} between -180 and 180`),
    foreignKey({ name: 'report_category_fk', columns: [table.municipalityId, table.categoryId], foreignColumns: [reportCategory.municipalityId, reportCategory.id] }),
    foreignKey({ name: 'report_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }),
    foreignKey({ name: 'report_area_fk', columns: [table.municipalityId, table.areaId], foreignColumns: [area.municipalityId, area.id] }),
    foreignKey({ name: 'report_department_fk', columns: [table.municipalityId, table.departmentId], foreignColumns: [department.municipalityId, department.id] }),
    foreignKey({ name: 'report_assigned_user_fk', columns: [table.municipalityId, table.assignedUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    index('report_request_idx').on(table.municipalityId, table.requestId).where(sql`${table.requestId} is not null`),
    foreignKey({ name: 'report_request_fk', columns: [table.municipalityId, table.requestId], foreignColumns: [request.municipalityId, request.id] }),
    foreignKey({ name: 'report_merged_into_fk', columns: [table.municipalityId, table.mergedIntoReportId], foreignColumns: [table.municipalityId, table.id] }),
    foreignKey({ name: 'report_parent_fk', columns: [table.municipalityId, table.parentReportId], foreignColumns: [table.municipalityId, table.id] }),
  ],
);

/** One step in a report's history: submitted, a status change, a note, an assignment, a merge. */
export const reportEvent = pgTable(
  'report_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    reportId: uuid('report_id').notNull(),
    kind: text('kind').notNull(),
    fromStatus: text('from_status').$type<ReportStatus>(),
    toStatus: text('to_status').$type<ReportStatus>(),
    /** What the reporter was told, if anything. */
    messageToReporter: text('message_to_reporter'),
    /** Staff only: never on the status page, the public map or Open311. */
    internalNote: text('internal_note'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('report_event_report_idx').on(table.municipalityId, table.reportId, table.createdAt),
    foreignKey({ name: 'report_event_report_fk', columns: [table.municipalityId, table.reportId], foreignColumns: [report.municipalityId, report.id] }).onDelete('cascade'),
    foreignKey({ name: 'report_event_actor_fk', columns: [table.municipalityId, table.actorUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** A photo with a report, re-encoded on arrival so no camera metadata (GPS, device) is kept. */
export const reportPhoto = pgTable(
  'report_photo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    reportId: uuid('report_id').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** The bytes, unless they are in object storage (S3_URL): then null, and storageKey names the object. */
    content: bytea('content'),
    storageKey: text('storage_key'),
    /** Staff approved it for the public map; only counts where the reporter allowed publication. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByUserId: uuid('approved_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The bytes are in exactly one place: the row or the bucket.
    check('report_photo_stored_once', sql`(${table.content} is null) <> (${table.storageKey} is null)`),
    unique('report_photo_tenant_key').on(table.municipalityId, table.id),
    index('report_photo_report_idx').on(table.municipalityId, table.reportId),
    foreignKey({ name: 'report_photo_report_fk', columns: [table.municipalityId, table.reportId], foreignColumns: [report.municipalityId, report.id] }).onDelete('cascade'),
    foreignKey({ name: 'report_photo_approved_by_fk', columns: [table.municipalityId, table.approvedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/**
 * Someone else who wants to hear how a report ends: a resident who found it already reported ("al gemeld?"),
 * or the reporter of a duplicate merged into it. Contact data under the same retention as the reporter's.
 */
export const reportFollower = pgTable(
  'report_follower',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    reportId: uuid('report_id').notNull(),
    email: text('email'),
    phone: text('phone'),
    language: text('language').notNull().default('nl'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('report_follower_report_idx').on(table.municipalityId, table.reportId),
    uniqueIndex('report_follower_email_key').on(table.municipalityId, table.reportId, table.email),
    check('report_follower_has_contact', sql`${table.email} is not null or ${table.phone} is not null`),
    foreignKey({ name: 'report_follower_report_fk', columns: [table.municipalityId, table.reportId], foreignColumns: [report.municipalityId, report.id] }).onDelete('cascade'),
  ],
);

/** The last reference number handed out per municipality and year. */
export const reportReferenceCounter = pgTable(
  'report_reference_counter',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [primaryKey({ columns: [table.municipalityId, table.year] })],
);

/**
 * The reporter's answer to "are you satisfied with how we handled it?", asked once the report is done. One answer
 * per report (the latest counts for the figures; an earlier one stays in the history).
 */
export const reportSatisfaction = pgTable(
  'report_satisfaction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    reportId: uuid('report_id').notNull(),
    isSatisfied: boolean('is_satisfied').notNull(),
    /** A reason code from the municipality's list (only for an unhappy answer). */
    reasonCode: text('reason_code'),
    comment: text('comment').notNull().default(''),
    /** Whether this answer reopened the report. */
    didReopen: boolean('did_reopen').notNull().default(false),
    /** Kept for the figures per category and department, even when the report later changes. */
    categoryId: uuid('category_id').notNull(),
    departmentId: uuid('department_id'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('report_satisfaction_report_idx').on(table.municipalityId, table.reportId),
    index('report_satisfaction_answered_idx').on(table.municipalityId, table.answeredAt),
    foreignKey({ name: 'report_satisfaction_report_fk', columns: [table.municipalityId, table.reportId], foreignColumns: [report.municipalityId, report.id] }).onDelete('cascade'),
    foreignKey({ name: 'report_satisfaction_category_fk', columns: [table.municipalityId, table.categoryId], foreignColumns: [reportCategory.municipalityId, reportCategory.id] }),
  ],
);
