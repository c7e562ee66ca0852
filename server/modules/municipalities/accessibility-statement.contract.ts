import { z } from 'zod';
import { isoDate } from '../../platform/input-bounds.ts';

/** The statuses of the Dutch government's model statement (A–D on digitoegankelijk.nl). */
export const accessibilityStatuses = ['full', 'partial', 'firstMeasures', 'none'] as const;

const statementFields = {
  status: z.enum(accessibilityStatuses).describe('full, partial, firstMeasures or none: how far Wijkwerk meets EN 301 549 / WCAG 2.1 AA here'),
  adoptedOn: isoDate().nullable().describe('When the municipality adopted the statement'),
  contactEmail: z.string().trim().toLowerCase().pipe(z.email()).nullable().describe('Where people report an accessibility problem'),
  contactPhone: z.string().trim().min(6).max(30).regex(/^[+\d][\d ()-]+$/, 'field:phoneNumber').nullable(),
  responseWorkingDays: z.number().int().min(1).max(20).describe('Within how many working days someone who reports a problem gets an answer'),
  knownIssues: z.string().trim().max(5000).nullable().describe('What does not meet the requirements yet, in plain words'),
};

export const accessibilityStatementSchema = z
  .object({ municipalityName: z.string(), ...statementFields })
  .meta({ id: 'AccessibilityStatement' });

export const updateAccessibilityStatementBody = z.object(statementFields).meta({ id: 'UpdateAccessibilityStatement' });
export type AccessibilityStatementInput = z.infer<typeof updateAccessibilityStatementBody>;
