import { z } from 'zod';
import { int32 } from '../../platform/input-bounds.ts';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';
import { reportPriorities, reportStatuses, settableStatuses } from './report.workflow.ts';

const email = z.string().trim().toLowerCase().max(320).pipe(z.email({ error: 'field:invalidEmail' }));
const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9][0-9 ()-]{5,28}$/, 'field:phoneFormat');
const point = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .meta({ id: 'ReportPoint', description: 'WGS84' });

export const reportParams = z.object({
  municipality: z.string().min(1).max(60),
  reportId: z.uuid(),
});

export const reportTokenParams = z.object({
  municipality: z.string().min(1).max(60),
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/)
    .describe('The secret from the status link the reporter received'),
});

export const submitReportBody = z
  .object({
    categoryCode: z.string().trim().min(1).max(80).describe('The code of a subcategory (the Open311 service_code)'),
    location: point,
    address: z.string().trim().max(200).default('').describe('What the reporter typed, or the address the map lookup found'),
    description: z.string().trim().min(5).max(2000),
    answers: z.record(z.string().max(60), z.string().trim().max(500)).default({}).describe('Answers to the category’s extra questions, by question code'),
    email: email.optional(),
    phone: phone.optional(),
    contactConsent: z.boolean().default(false).describe('The reporter agrees to be contacted about this report at the e-mail address or phone number given'),
    mayPublishPhotos: z.boolean().default(false).describe('The reporter allows their photos on the public map, after staff approve them'),
    website: z.string().max(200).optional().describe('Leave empty: a field only form-filling robots fill in'),
  })
  .meta({ id: 'SubmitReport' });
export type SubmitReport = z.infer<typeof submitReportBody>;

const categoryName = z.object({ code: z.string(), name: z.string(), mainName: z.string() });

export const reportReceiptSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(reportStatuses),
    category: categoryName,
    neighbourhoodName: z.string(),
    handleBy: z.iso.date().nullable().describe('The date the municipality means to have handled it by'),
    statusToken: z.string().describe('The secret of the status link; shown once, also in the confirmation e-mail'),
    statusUrl: z.string(),
    isFollowingUp: z.boolean().describe('Feedback goes to the e-mail address or phone number given'),
  })
  .meta({ id: 'ReportReceipt' });

export const reportHistoryEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  status: z.enum(reportStatuses).nullable(),
  message: z.string().nullable(),
});

/** A photo with a report, as staff see it; `url` downloads it (for those who may read the report). */
export const reportPhotoSchema = z
  .object({
    id: z.uuid(),
    mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    byteSize: z.number().int(),
    isApproved: z.boolean().describe('Staff approved it for the public map; public only when the reporter allowed it too'),
    url: z.string(),
  })
  .meta({ id: 'ReportPhoto' });

/** A photo as the reporter sees it through the status link; `url` works with the same secret. */
export const reportStatusPhotoSchema = z.object({ id: z.uuid(), url: z.string() }).meta({ id: 'ReportStatusPhoto' });

/** What a reporter sees through the status link: no one's contact data, no internal notes. */
export const reportStatusViewSchema = z
  .object({
    reference: z.string(),
    status: z.enum(reportStatuses),
    category: categoryName,
    neighbourhoodName: z.string(),
    address: z.string(),
    description: z.string(),
    reportedAt: z.iso.datetime({ offset: true }),
    handleBy: z.iso.date().nullable(),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    departmentName: z.string().nullable(),
    forwardedTo: z.string().nullable(),
    mergedIntoReference: z.string().nullable(),
    history: z.array(reportHistoryEntrySchema),
    photos: z.array(reportStatusPhotoSchema),
  })
  .meta({ id: 'ReportStatusView' });

/** The queue's filters: the list and the back-office map take the same ones. */
export const reportFilterFields = {
  status: z.enum([...reportStatuses, 'open', 'closed']).optional(),
  categoryId: z.uuid().optional(),
  neighbourhoodId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  priority: z.enum(reportPriorities).optional(),
  overdue: z.enum(['overdue', 'threeTimes']).optional().describe('overdue: past its deadline; threeTimes: open three times its handling term or longer'),
  assignedToMe: z.enum(['true', 'false']).optional(),
  search: z.string().trim().max(100).optional().describe('A reference (M-2026-000123) or words from the description or address'),
};
export const reportListQuery = pageQuery.extend(reportFilterFields);
export type ReportListQuery = z.infer<typeof reportListQuery>;
/** The filters alone, without the page. */
export type ReportFilterQuery = Omit<ReportListQuery, 'page' | 'pageSize'>;

export const reportSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(reportStatuses),
    priority: z.enum(reportPriorities),
    category: categoryName,
    neighbourhoodName: z.string(),
    departmentName: z.string().nullable(),
    address: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    reportedAt: z.iso.datetime({ offset: true }),
    handleBy: z.iso.date().nullable(),
    isOverdue: z.boolean(),
    assignedTo: z.string().nullable(),
  })
  .meta({ id: 'ReportSummary' });

export const reportListSchema = pageSchema(reportSummarySchema).meta({ id: 'ReportList' });

export const reportEventSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  at: z.iso.datetime({ offset: true }),
  fromStatus: z.enum(reportStatuses).nullable(),
  toStatus: z.enum(reportStatuses).nullable(),
  messageToReporter: z.string().nullable(),
  internalNote: z.string().nullable(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const reportActions = ['changeStatus', 'assign', 'setPriority', 'addNote', 'merge', 'split', 'refer', 'linkRequest', 'approvePhoto', 'turnIntoRequest'] as const;

export const reportDetailSchema = reportSummarySchema
  .extend({
    description: z.string(),
    answers: z.record(z.string(), z.string()),
    areaName: z.string().nullable(),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    channel: z.string(),
    forwardedTo: z.string().nullable(),
    statusNotes: z.string(),
    mergedIntoReportId: z.uuid().nullable(),
    mergedIntoReference: z.string().nullable(),
    assignedUserId: z.uuid().nullable(),
    assignableUsers: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('Who the report can be assigned to: the active officers of its department; empty for those who cannot handle it'),
    referral: z
      .object({ teamCode: z.string(), teamName: z.string(), state: z.enum(['referred', 'pickedUp', 'fedBack']), note: z.string().nullable(), feedback: z.string().nullable() })
      .nullable()
      .describe('The front-line team it was referred to, and how far they are'),
    requestId: z.uuid().nullable().describe('The neighbourhood request it is linked to'),
    reporter: z
      .object({ email: z.string().nullable(), phone: z.string().nullable(), isErased: z.boolean(), followerCount: z.number().int() })
      .describe('Contact for feedback; only for those who handle the report'),
    mayPublishPhotos: z.boolean(),
    photos: z.array(reportPhotoSchema),
    version: z.number().int(),
    history: z.array(reportEventSchema),
    allowedActions: z.array(z.enum(reportActions)),
    allowedStatuses: z.array(z.enum(settableStatuses)),
  })
  .meta({ id: 'ReportDetail' });

export const changeReportStatusBody = z
  .object({
    status: z.enum(settableStatuses),
    message: z.string().trim().max(2000).optional().describe('What the reporter is told; without it, the municipality’s standard message for the status'),
    internalNote: z.string().trim().max(4000).optional(),
    forwardedTo: z.string().trim().min(2).max(200).optional().describe('Required when forwarding: the external party'),
    version: int32().min(1).describe('The version you read; a stale one gives 409'),
  })
  .meta({ id: 'ChangeReportStatus' });
export type ChangeReportStatus = z.infer<typeof changeReportStatusBody>;

export const reportCategoryTreeSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid().describe('For the queue filter categoryId: a main category finds the reports in all its subcategories'),
        code: z.string(),
        name: z.string(),
        subcategories: z.array(
          z.object({
            id: z.uuid(),
            code: z.string(),
            name: z.string(),
            description: z.string(),
            handlingDays: z.number().int().nullable(),
            dayKind: z.enum(['working', 'calendar']),
            questions: z.array(
              z.object({
                code: z.string(),
                question: z.string(),
                kind: z.enum(['text', 'singlevaluelist']),
                isRequired: z.boolean(),
                options: z.array(z.object({ key: z.string(), name: z.string() })),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ReportCategoryTree' });

export const nearbyReportsQuery = z.object({
  categoryCode: z.string().trim().min(1).max(80),
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
});
export type NearbyReportsQuery = z.infer<typeof nearbyReportsQuery>;

/** "Al gemeld?": open reports of the same kind close by, without anyone's words or contact data. */
export const nearbyReportsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        status: z.enum(reportStatuses),
        categoryName: z.string(),
        address: z.string(),
        distanceMetres: z.number().int(),
        reportedAt: z.iso.datetime({ offset: true }),
      }),
    ),
  })
  .meta({ id: 'NearbyReports' });

export const followReportBody = z
  .object({
    email: email,
    contactConsent: z.literal(true, { error: 'field:consentRequired' }).describe('The person agrees to hear how the report ends at this address'),
  })
  .meta({ id: 'FollowReport' });
export type FollowReport = z.infer<typeof followReportBody>;

export const followedReportSchema = z.object({ reference: z.string(), status: z.enum(reportStatuses), isNewFollower: z.boolean() }).meta({ id: 'FollowedReport' });

export const addressSuggestionQuery = z.object({ q: z.string().trim().min(3).max(100).describe('A street and number, a postcode, or part of them') });
export const addressSuggestionsSchema = z
  .object({
    isAvailable: z.boolean().describe('false: this installation has no address lookup; choose the place on the map'),
    items: z.array(z.object({ label: z.string(), latitude: z.number(), longitude: z.number() })),
  })
  .meta({ id: 'AddressSuggestions' });
export const reportFormSchema = z.object({ isAddressLookupAvailable: z.boolean() }).meta({ id: 'ReportForm' });
