import type { RequestEventRow, RequestRow } from './request.repository.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';

export function isOverdue(row: Pick<RequestRow, 'state' | 'acknowledgeBy' | 'answerBy'>, now: Date): boolean {
  const today = dateInAmsterdam(now);
  if (row.state === 'submitted' && row.acknowledgeBy < today) return true;
  return ['submitted', 'acknowledged', 'routed'].includes(row.state) && row.answerBy < today;
}

export function presentRequestSummary(row: RequestRow, neighbourhoodName: string | null, now: Date) {
  return {
    id: row.id,
    kind: row.kind as never,
    title: row.title,
    neighbourhood: row.neighbourhoodId && neighbourhoodName ? { id: row.neighbourhoodId, name: neighbourhoodName } : null,
    state: row.state,
    verdict: (row.verdict as 'nu' | 'ooit' | 'nooit' | null) ?? null,
    isPublic: row.isPublic,
    acknowledgeBy: row.acknowledgeBy,
    answerBy: row.answerBy,
    isOverdue: isOverdue(row, now),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Which team, for everyone who may see the request; the note to the team only for staff. */
function presentReferral(referral: { code: string; name: string; note: string | null } | null, isStaff: boolean) {
  return referral ? { code: referral.code, name: referral.name, note: isStaff ? referral.note : null } : null;
}

/**
 * The full request as one viewer may see it: the submitter's name only for staff and the submitter's own
 * side, internal notes only for staff. A resident's personal data never reaches the public.
 */
export function presentRequest(
  row: RequestRow,
  names: { neighbourhoodName: string | null; councilName: string | null; departmentName: string | null; submitterName: string | null },
  themes: { id: string; name: string }[],
  events: RequestEventRow[],
  view: { isStaff: boolean; isSubmitterSide: boolean; now: Date },
  links: { id: string; kind: 'duplicateOf' | 'duplicatedBy' | 'related'; title: string; state: string }[] = [],
) {
  const showsPeople = view.isStaff || view.isSubmitterSide;
  return {
    ...presentRequestSummary(row, names.neighbourhoodName, view.now),
    body: row.body,
    scale: row.scale as never,
    weight: row.weight as 'large' | 'limited',
    themes,
    council: row.councilId && names.councilName ? { id: row.councilId, name: names.councilName } : null,
    submittedBy: showsPeople ? names.submitterName : null,
    supportStatement: (row.supportStatement as never) ?? null,
    leadDepartment: row.leadDepartmentId && names.departmentName ? { id: row.leadDepartmentId, name: names.departmentName } : null,
    answer: (row.answer as Record<string, unknown> | null) ?? null,
    nextUpdateDue: row.nextUpdateDue,
    referral: presentReferral(row.referral as { code: string; name: string; note: string | null } | null, view.isStaff),
    advicePosition: (row.advicePosition as never) ?? null,
    // A proposed answer is not an answer yet: only staff see it until the advisor approves it.
    proposedAnswer: view.isStaff ? ((row.proposedAnswer as Record<string, unknown> | null) ?? null) : null,
    links: links.map((link) => ({ id: link.id, kind: link.kind, title: link.title, state: link.state as never })),
    timeline: events
      .filter((event) => view.isStaff || !event.isInternal)
      // The conversation is between the two sides: a message can carry a resident's details, so the public sees none.
      .filter((event) => showsPeople || event.kind !== 'message')
      .map((event) => ({
        id: event.id,
        kind: event.kind,
        // Staff names are public duty; a resident's name is not shown to the public.
        actorLabel: showsPeople || event.kind !== 'submitted' ? event.actorLabel : '—',
        isInternal: event.isInternal,
        text: event.text,
        data: event.data ?? null,
        occurredAt: event.occurredAt.toISOString(),
      })),
    version: row.version,
  };
}
