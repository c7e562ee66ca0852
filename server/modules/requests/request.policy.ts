import { type Actor, can, scopeIdsOf } from '../../platform/permissions.ts';

interface RequestScope {
  neighbourhoodId: string | null;
  leadDepartmentId: string | null;
  submitterUserId: string;
  councilId: string | null;
}

/** Advisors, officers, aldermen and admins see every request, internal notes included. */
export function isStaff(actor: Actor | undefined): boolean {
  return can(actor, 'request.viewInternal');
}

/** The submitter, and fellow members of the council it was submitted for. */
export function isSubmitterSide(actor: Actor | undefined, request: RequestScope): boolean {
  if (!actor) return false;
  return actor.userId === request.submitterUserId || (request.councilId !== null && scopeIdsOf(actor, 'council_member').includes(request.councilId));
}

export function canSubmit(actor: Actor | undefined, onBehalfOf: { councilId?: string | null; partnerOrganisationId?: string | null }): boolean {
  if (onBehalfOf.councilId) return can(actor, 'request.submit', { councilId: onBehalfOf.councilId }) && scopeIdsOf(actor, 'council_member').includes(onBehalfOf.councilId);
  if (onBehalfOf.partnerOrganisationId) return scopeIdsOf(actor, 'partner').includes(onBehalfOf.partnerOrganisationId);
  return can(actor, 'request.submit');
}

/** The advisor of the neighbourhood triages; a city-wide request may be picked up by any advisor. */
export function canTriage(actor: Actor | undefined, request: Pick<RequestScope, 'neighbourhoodId'>): boolean {
  return request.neighbourhoodId ? can(actor, 'request.triage', { neighbourhoodIds: [request.neighbourhoodId] }) : can(actor, 'request.triage');
}

/** An officer of the lead department answers; so may the neighbourhood's advisor (directly, §3.3). */
export function canAnswer(actor: Actor | undefined, request: RequestScope): boolean {
  if (request.leadDepartmentId && scopeIdsOf(actor, 'officer').includes(request.leadDepartmentId)) return true;
  return actor?.grants.some((grant) => grant.role === 'advisor') === true && canTriage(actor, request);
}
