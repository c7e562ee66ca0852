import { describe, expect, it } from 'vitest';
import { isPhotoMediaType, isPublicPhoto, photoUploadRefusal } from './report-photo.rules.ts';

const reportedAt = new Date('2026-06-15T10:00:00Z');
const minutesLater = (minutes: number) => new Date(reportedAt.getTime() + minutes * 60_000);

describe('adding a photo', () => {
  it.each([
    ['the reporter, right away', { isHandler: false, now: minutesLater(1), photoCount: 0, isClosed: false }, undefined],
    ['the reporter, at the hour', { isHandler: false, now: minutesLater(60), photoCount: 2, isClosed: false }, undefined],
    ['the reporter, after the hour', { isHandler: false, now: minutesLater(61), photoCount: 0, isClosed: false }, 'photosClosed'],
    ['the reporter, a fourth photo', { isHandler: false, now: minutesLater(5), photoCount: 3, isClosed: false }, 'photosClosed'],
    ['the reporter, a report closed in the hour', { isHandler: false, now: minutesLater(30), photoCount: 0, isClosed: true }, 'reportClosed'],
    ['staff, a week later', { isHandler: true, now: minutesLater(7 * 24 * 60), photoCount: 1, isClosed: false }, undefined],
    ['staff, a fourth photo', { isHandler: true, now: minutesLater(5), photoCount: 3, isClosed: false }, 'photosClosed'],
    ['staff, a closed report', { isHandler: true, now: minutesLater(5), photoCount: 0, isClosed: true }, 'reportClosed'],
  ] as const)('%s', (_case, situation, refusal) => {
    expect(photoUploadRefusal({ ...situation, reportedAt })).toBe(refusal);
  });
});

describe('what the public sees', () => {
  it('needs both the reporter’s consent and staff approval', () => {
    expect(isPublicPhoto({ approvedAt: reportedAt }, { mayPublishPhotos: true })).toBe(true);
    expect(isPublicPhoto({ approvedAt: reportedAt }, { mayPublishPhotos: false })).toBe(false);
    expect(isPublicPhoto({ approvedAt: null }, { mayPublishPhotos: true })).toBe(false);
  });

  it('takes JPEG, PNG and WebP only', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf', undefined].map(isPhotoMediaType)).toEqual([true, true, true, false, false, false]);
  });
});
