import { describe, expect, it } from 'vitest';
import {
  type AttachmentViewer,
  isOpenForAttachments,
  mayRemoveAttachment,
  maySeeAttachment,
  mayUpload,
  mayUploadInternal,
} from './request-attachment.rules.ts';

describe('who may do what', () => {
  const staff: AttachmentViewer = { userId: 'advisor', isStaff: true, isHandler: true, isSubmitterSide: false };
  const otherStaff: AttachmentViewer = { userId: 'officer-elsewhere', isStaff: true, isHandler: false, isSubmitterSide: false };
  const submitter: AttachmentViewer = { userId: 'eva', isStaff: false, isHandler: false, isSubmitterSide: true };
  const fellowMember: AttachmentViewer = { userId: 'henk', isStaff: false, isHandler: false, isSubmitterSide: true };
  const reader: AttachmentViewer = { userId: 'someone', isStaff: false, isHandler: false, isSubmitterSide: false };
  const visitor: AttachmentViewer = { userId: null, isStaff: false, isHandler: false, isSubmitterSide: false };
  const shared = { isInternal: false, uploadedByUserId: 'eva' };
  const internal = { isInternal: true, uploadedByUserId: 'advisor' };

  it('lets the two sides upload, readers along not; internal files only staff', () => {
    expect([staff, submitter, fellowMember, otherStaff, reader, visitor].map(mayUpload)).toEqual([true, true, true, false, false, false]);
    expect([staff, submitter, otherStaff, reader].map(mayUploadInternal)).toEqual([true, false, false, false]);
  });

  it('shows shared files to whoever sees the request, internal ones to staff only', () => {
    expect([staff, submitter, reader, visitor].map((viewer) => maySeeAttachment(viewer, shared))).toEqual([true, true, true, true]);
    expect([staff, otherStaff, submitter, reader, visitor].map((viewer) => maySeeAttachment(viewer, internal))).toEqual([true, true, false, false, false]);
  });

  it('lets the uploader and those handling the request remove a file, not other staff, a fellow council member or a reader', () => {
    expect([staff, submitter, otherStaff, fellowMember, reader, visitor].map((viewer) => mayRemoveAttachment(viewer, shared))).toEqual([true, true, false, false, false, false]);
    expect(mayRemoveAttachment(submitter, internal)).toBe(false);
  });

  it('takes no attachments on a closed request', () => {
    expect(['submitted', 'acknowledged', 'routed', 'answered'].every(isOpenForAttachments)).toBe(true);
    expect(isOpenForAttachments('closed')).toBe(false);
  });
});
