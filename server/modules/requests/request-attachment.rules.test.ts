import { describe, expect, it } from 'vitest';
import {
  type AttachmentViewer,
  contentDispositionFor,
  describeByteLimit,
  isAllowedAttachmentType,
  isOpenForAttachments,
  maxFileNameLength,
  mayRemoveAttachment,
  maySeeAttachment,
  mayUpload,
  mayUploadInternal,
  sanitiseFileName,
} from './request-attachment.rules.ts';

describe('accepted types', () => {
  it.each([
    ['application/pdf', true],
    ['image/png', true],
    ['image/jpeg', true],
    ['image/gif', true],
    ['image/webp', true],
    ['image/svg+xml', false],
    ['text/html', false],
    ['application/x-msdownload', false],
    ['toString', false],
    [undefined, false],
  ])('%s → %s', (mediaType, expected) => {
    expect(isAllowedAttachmentType(mediaType)).toBe(expected);
  });
});

describe('file names', () => {
  it.each([
    ['plattegrond.pdf', 'application/pdf', 'plattegrond.pdf'],
    ['../../etc/passwd.pdf', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\eva\\Desktop\\foto.JPG', 'image/jpeg', 'foto.JPG'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
    ['scan.pdf', 'image/png', 'scan.pdf.png'],
    ['rapport.exe', 'application/pdf', 'rapport.exe.pdf'],
    ['geen-extensie', 'image/gif', 'geen-extensie.gif'],
    ['.htaccess', 'application/pdf', 'htaccess.pdf'],
    ['naam\u0000met\u0007controle\u001b.pdf', 'application/pdf', 'naammetcontrole.pdf'],
    ['factuur\u202egpj.pdf', 'application/pdf', 'factuurgpj.pdf'],
    ['a<b>:c"d|e?f*.png', 'image/png', 'a_b__c_d_e_f_.png'],
    ['  veel    spaties  .pdf  ', 'application/pdf', 'veel spaties .pdf'],
    ['', 'application/pdf', 'bijlage.pdf'],
    ['../', 'image/webp', 'bijlage.webp'],
    ['Straatnaambord Mierloseweg – “oud”.png', 'image/png', 'Straatnaambord Mierloseweg – “oud”.png'],
  ] as const)('%j as %s → %j', (raw, mediaType, expected) => {
    expect(sanitiseFileName(raw, mediaType)).toBe(expected);
  });

  it('shortens a long name but keeps its extension, without splitting a character', () => {
    const name = sanitiseFileName(`${'😀'.repeat(200)}.pdf`, 'application/pdf');
    expect(name.endsWith('.pdf')).toBe(true);
    expect(Array.from(name).length).toBeLessThanOrEqual(maxFileNameLength);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('Content-Disposition', () => {
  it('always downloads, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDispositionFor('plan.pdf')).toBe(`attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`);
    expect(contentDispositionFor('café (2) "x".pdf')).toBe(`attachment; filename="caf_ (2) _x_.pdf"; filename*=UTF-8''caf%C3%A9%20%282%29%20%22x%22.pdf`);
  });
});

describe('limits in words', () => {
  it.each([
    [10 * 1024 * 1024, '10 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [64 * 1024, '64 kB'],
  ])('%i bytes → %s', (bytes, expected) => expect(describeByteLimit(bytes)).toBe(expected));
});

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
