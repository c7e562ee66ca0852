// Shapes of the administration endpoints, inferred from the server's zod contracts (type-only: nothing of the server is bundled).
import type { z } from 'zod';
import type { auditEntrySchema, auditListSchema, outboxListSchema, outboxMessageSchema, securityEventListSchema, securityEventSchema } from '../../../../server/modules/administration/administration.contract.ts';
import type { areaImportReportSchema } from '../../../../server/modules/neighbourhoods/area-import.contract.ts';
import type { csvImportReportSchema } from '../../../../server/platform/csv-import.ts';
import type { apiTokenListSchema, apiTokenSchema, createdApiTokenSchema, roleGrantInput } from '../../../../server/modules/users/user.contract.ts';

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditList = z.infer<typeof auditListSchema>;
export type SecurityEvent = z.infer<typeof securityEventSchema>;
export type SecurityEventList = z.infer<typeof securityEventListSchema>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type OutboxList = z.infer<typeof outboxListSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;
/** A role as the forms send it: the scope type follows from the role on the server. */
export type RoleAssignment = z.input<typeof roleGrantInput>;
export type AreaImportReport = z.infer<typeof areaImportReportSchema>;
export type CsvImportReport = z.infer<typeof csvImportReportSchema>;
