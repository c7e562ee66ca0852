import type { RequestEventRow, RequestRow } from './request.repository.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { type RequestEventKind, requestEventVisibility } from './request-event.rules.ts';
import type { RequestUserAction } from './request.policy.ts';
import type { Language } from '../../platform/language.ts';
import { describeEvent } from './request-event.words.ts';

export function isOverdue(row: Pick<RequestRow, 'state' | 'acknowledgeBy' | 'answerBy'>, now: Date): boolean {
  const today = dateInAmsterdam(now);
  if (row.state === 'submitted' && row.acknowledgeBy < today) return true;
  return ['submitted', 'acknowledged', 'routed'].includes(row.state) && row.answerBy < today;
}

export function presentRequestSummary(row: RequestRow, neighbourhoodName: string | null, now: Date) {
  return {
    id: row.id,
    reference: row.reference,
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

function isEventVisible(event: RequestEventRow, view: { isStaff: boolean; isSubmitterSide: boolean }): boolean {
  if (view.isStaff) return true;
  if (event.isInternal) return false;
  const visibility = requestEventVisibility[event.kind as RequestEventKind] ?? 'staff';
  return visibility === 'public' || (visibility === 'bothSides' && view.isSubmitterSide);
}

/**
 * Staff act in public duty and are named; whoever acted for the submitter's side (a resident, a council member,
 * a partner) is named only to that side and to staff, whatever the kind of event.
 */
function presentEvent(event: RequestEventRow, showsPeople: boolean, language: Language) {
  const isNamed = showsPeople || event.actorSide === 'staff';
  return {
    id: event.id,
    kind: event.kind as RequestEventKind,
    summary: describeEvent(event, language),
    actorSide: event.actorSide,
    actorLabel: isNamed ? event.actorLabel : null,
    isInternal: event.isInternal,
    text: event.text,
    data: event.data ?? null,
    occurredAt: event.occurredAt.toISOString(),
  };
}

export interface StoredReferral {
  code: string;
  name: string;
  note: string | null;
  state?: 'referred' | 'pickedUp' | 'fedBack';
  feedback?: string | null;
}

/**
 * Which team and how far it got, for everyone who may see the request. The note to the team and the team's
 * feedback can name people, so they are for staff only.
 */
function presentReferral(referral: StoredReferral | null, isStaff: boolean) {
  if (!referral) return null;
  return { code: referral.code, name: referral.name, state: referral.state ?? 'referred', note: isStaff ? referral.note : null, feedback: isStaff ? (referral.feedback ?? null) : null };
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
  view: { isStaff: boolean; isSubmitterSide: boolean; now: Date; language?: Language; allowedActions?: RequestUserAction[]; adviceRequest?: { id: string; title: string } | null; isFollowing?: boolean | null },
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
    isFormalInspraak: row.isFormalInspraak,
    adviceRequest: view.adviceRequest ?? null,
    carriedOutOn: row.carriedOutOn,
    referral: presentReferral(row.referral as StoredReferral | null, view.isStaff),
    advicePosition: (row.advicePosition as never) ?? null,
    // A proposed answer is not an answer yet: only staff see it until the advisor approves it.
    proposedAnswer: view.isStaff ? ((row.proposedAnswer as Record<string, unknown> | null) ?? null) : null,
    links: links.map((link) => ({ id: link.id, kind: link.kind, title: link.title, state: link.state as never })),
    timeline: events.filter((event) => isEventVisible(event, view)).map((event) => presentEvent(event, showsPeople, view.language ?? 'nl')),
    allowedActions: view.allowedActions ?? [],
    isFollowing: view.isFollowing ?? null,
    version: row.version,
  };
}
