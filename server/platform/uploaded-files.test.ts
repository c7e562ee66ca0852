import { describe, expect, it } from 'vitest';
import { contentDispositionFor, describeByteLimit, isAllowedAttachmentType, maxFileNameLength, sanitiseFileName } from './uploaded-files.ts';

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
