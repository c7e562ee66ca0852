import { describe, expect, it } from 'vitest';
import { requestEventKinds } from './request-event.rules.ts';
import { presentRequest } from './request.presenter.ts';
import type { RequestEventRow, RequestRow } from './request.repository.ts';

const now = new Date('2026-06-15T10:00:00Z');
const request = {
  id: '00000000-0000-4000-8000-000000000001',
  municipalityId: '00000000-0000-4000-8000-000000000002',
  kind: 'request',
  title: 'Losliggende stoeptegels',
  body: 'Bij huisnummer 12 liggen drie tegels los.',
  neighbourhoodId: null,
  areaId: null,
  latitude: null,
  longitude: null,
  scale: 'street',
  weight: 'large',
  isPublic: true,
  state: 'answered',
  submitterUserId: '00000000-0000-4000-8000-000000000003',
  councilId: null,
  acknowledgeBy: '2026-06-20',
  answerBy: '2026-07-20',
  version: 3,
  createdAt: now,
  updatedAt: now,
} as unknown as RequestRow;

/** One event of every kind, each done by someone of the submitter's side, one by staff and one by the system. */
function eventsOfEveryKind(): RequestEventRow[] {
  return requestEventKinds.flatMap((kind, index) =>
    (['submitterSide', 'staff', 'system'] as const).map((actorSide, sideIndex) => ({
      id: `00000000-0000-4000-8000-${String(index * 3 + sideIndex).padStart(12, '0')}`,
      municipalityId: request.municipalityId,
      requestId: request.id,
      kind,
      actorUserId: null,
      actorLabel: actorSide === 'submitterSide' ? 'Eva Mulder' : actorSide === 'staff' ? 'Koen Verhoeven' : 'system',
      actorSide,
      isInternal: false,
      text: null,
      data: null,
      occurredAt: now,
    })),
  );
}

const names = { neighbourhoodName: null, councilName: null, departmentName: null, submitterName: 'Eva Mulder' };

describe('the timeline as each viewer sees it', () => {
  it('never names the submitter’s side to a visitor, whatever the kind of event', () => {
    const presented = presentRequest(request, names, [], eventsOfEveryKind(), { isStaff: false, isSubmitterSide: false, now });
    expect(JSON.stringify(presented)).not.toContain('Eva Mulder');
    // Staff stay named on every public event: they act in public duty.
    const staffEvents = presented.timeline.filter((event) => event.actorSide === 'staff');
    expect(staffEvents.length).toBeGreaterThan(0);
    expect(staffEvents.every((event) => event.actorLabel === 'Koen Verhoeven')).toBe(true);
    expect(presented.timeline.filter((event) => event.actorSide === 'submitterSide').every((event) => event.actorLabel === null)).toBe(true);
  });

  it('shows a visitor no messages, notes, links or proposed answers', () => {
    const kinds = new Set(presentRequest(request, names, [], eventsOfEveryKind(), { isStaff: false, isSubmitterSide: false, now }).timeline.map((event) => event.kind));
    for (const hidden of ['message', 'note', 'linked', 'unlinked', 'answerProposed', 'answerReturned']) expect(kinds.has(hidden as never)).toBe(false);
    expect(kinds.has('answered')).toBe(true);
    expect(kinds.has('attachmentAdded')).toBe(true);
  });

  it('names everyone to the submitter’s own side, which sees the conversation but not staff notes', () => {
    const presented = presentRequest(request, names, [], eventsOfEveryKind(), { isStaff: false, isSubmitterSide: true, now });
    expect(presented.submittedBy).toBe('Eva Mulder');
    expect(presented.timeline.some((event) => event.kind === 'message' && event.actorLabel === 'Eva Mulder')).toBe(true);
    expect(presented.timeline.some((event) => event.kind === 'note')).toBe(false);
  });

  it('shows staff every event with every name', () => {
    const presented = presentRequest(request, names, [], eventsOfEveryKind(), { isStaff: true, isSubmitterSide: false, now });
    expect(presented.timeline).toHaveLength(requestEventKinds.length * 3);
    expect(presented.timeline.every((event) => event.actorLabel !== null)).toBe(true);
  });

  it('hides an internal event of a public kind from everyone but staff', () => {
    const internal = eventsOfEveryKind().map((event) => ({ ...event, isInternal: true }));
    expect(presentRequest(request, names, [], internal, { isStaff: false, isSubmitterSide: true, now }).timeline).toHaveLength(0);
  });
});
