import { z } from 'zod';
import { reportParams, reportTokenParams } from './report.contract.ts';

export const reportPhotoParams = reportParams.extend({ photoId: z.uuid() });

export const reportStatusPhotoParams = reportTokenParams.extend({ photoId: z.uuid() });

export const publicReportPhotoParams = z.object({
  municipality: z.string().min(1).max(60),
  photoId: z.uuid(),
});

export const uploadReportPhotoForm = z
  .object({
    statusToken: z.string().max(100).optional().describe('The secret from the reporter’s status link; not needed by staff who handle the report'),
    file: z.string().meta({ format: 'binary' }).describe('One JPEG, PNG or WebP photo; the type is checked on the content'),
  })
  .meta({ id: 'UploadReportPhoto' });

export const approveReportPhotoBody = z
  .object({
    isApproved: z.boolean().describe('true: show it on the public map (only where the reporter allowed it); false: withdraw it'),
  })
  .meta({ id: 'ApproveReportPhoto' });
export type ApproveReportPhoto = z.infer<typeof approveReportPhotoBody>;
