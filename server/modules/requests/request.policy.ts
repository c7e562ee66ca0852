import type { FieldProblem } from '../../platform/errors.ts';
import { type Actor, can, hasRole, scopeIdsOf } from '../../platform/permissions.ts';
import { isAdvice, type RequestKind } from './request.rules.ts';
import { type RequestState, transition } from './request.workflow.ts';
import { requestPermissions } from './request.permissions.ts';

export interface RequestScope {
  neighbourhoodId: string | null;
  leadDepartmentId: string | null;
  contributingDepartmentIds: string[];
  submitterUserId: string;
  councilId: string | null;
}

/** The one setting that changes who handles a request: the first point of contact for city-wide requests. */
export interface AccessSettings {
  cityWideAdvisorUserId: string | null;
}

/** Advisors, officers, aldermen and admins may read every request, internal notes included. */
export function isStaff(actor: Actor | undefined): boolean {
  return can(actor, requestPermissions['request.viewInternal']);
}

/** The submitter, and fellow members of the council it was submitted for. */
export function isSubmitterSide(actor: Actor | undefined, request: Pick<RequestScope, 'submitterUserId' | 'councilId'>): boolean {
  if (!actor) return false;
  return actor.userId === request.submitterUserId || (request.councilId !== null && scopeIdsOf(actor, 'council_member').includes(request.councilId));
}

/** Residents, council members, partners and advisors submit. */
export function canSubmit(actor: Actor | undefined): boolean {
  return can(actor, requestPermissions['request.submit']);
}

/**
 * On whose behalf: only one's own council or partner organisation. Anything else (another council, one of another
 * municipality) is a field to correct, named as such.
 */
export function checkOnBehalfOf(actor: Actor | undefined, onBehalfOf: { councilId?: string | null; partnerOrganisationId?: string | null }): FieldProblem[] {
  if (onBehalfOf.councilId && !scopeIdsOf(actor, 'council_member').includes(onBehalfOf.councilId)) return [{ field: 'body.councilId', code: 'notACouncilMember' }];
  if (onBehalfOf.partnerOrganisationId && !scopeIdsOf(actor, 'partner').includes(onBehalfOf.partnerOrganisationId)) return [{ field: 'body.partnerOrganisationId', code: 'notThisPartner' }];
  return [];
}

/**
 * The request's advisors: those of its neighbourhood; for a city-wide request the municipality's city-wide
 * advisor, or, while none is set, any advisor.
 */
export function isRequestAdvisor(actor: Actor | undefined, request: Pick<RequestScope, 'neighbourhoodId'>, settings: AccessSettings): boolean {
  if (!actor) return false;
  if (request.neighbourhoodId) return can(actor, requestPermissions['request.triage'], { neighbourhoodIds: [request.neighbourhoodId] }) && hasRole(actor, 'advisor');
  return hasRole(actor, 'advisor') && (settings.cityWideAdvisorUserId === null || settings.cityWideAdvisorUserId === actor.userId);
}

/** What one person may do with one request. Staff act only where they hold a role: their neighbourhoods, their departments. */
export interface RequestAccess {
  isStaff: boolean;
  isSubmitterSide: boolean;
  isAdvisor: boolean;
  isLeadOfficer: boolean;
  /** Advisors, officers of the lead and contributing departments, and admins: they write on the request. */
  isHandler: boolean;
  /** Acknowledge, route, refer, link, review, close and reopen: the request's advisors and admins. */
  canTriage: boolean;
  /** Answer, update, change the verdict, record the position on advice: the lead department's officers and the request's advisors. */
  canAnswer: boolean;
}

export function accessTo(actor: Actor | undefined, request: RequestScope, settings: AccessSettings): RequestAccess {
  const officerDepartments = scopeIdsOf(actor, 'officer');
  const isAdvisor = isRequestAdvisor(actor, request, settings);
  const isAdmin = hasRole(actor, 'admin') && can(actor, requestPermissions['request.configure']);
  const isLeadOfficer = request.leadDepartmentId !== null && officerDepartments.includes(request.leadDepartmentId);
  const isContributingOfficer = request.contributingDepartmentIds.some((id) => officerDepartments.includes(id));
  return {
    isStaff: isStaff(actor),
    isSubmitterSide: isSubmitterSide(actor, request),
    isAdvisor,
    isLeadOfficer,
    isHandler: isAdvisor || isLeadOfficer || isContributingOfficer || isAdmin,
    canTriage: isAdvisor || isAdmin,
    canAnswer: isAdvisor || isLeadOfficer,
  };
}

export const requestUserActions = [
  'acknowledge',
  'route',
  'refer',
  'updateReferral',
  'answer',
  'reviewAnswer',
  'postUpdate',
  'changeVerdict',
  'recordCarriedOut',
  'recordAdvicePosition',
  'setFormalInspraak',
  'link',
  'markDuplicate',
  'close',
  'reopen',
  'postMessage',
  'writeNote',
  'addAttachment',
  'addInternalAttachment',
  'follow',
  'unfollow',
] as const;
export type RequestUserAction = (typeof requestUserActions)[number];

interface RequestStateView {
  kind: string;
  state: RequestState;
  verdict: string | null;
  carriedOutOn: string | null;
  referral: unknown;
  proposedAnswer: unknown;
}

/**
 * What this person may do now: the workflow's state × the policy. The web app shows exactly these actions, so
 * nobody sees a form that would answer 403 or 409.
 */
export function allowedActionsOf(access: RequestAccess, request: RequestStateView): RequestUserAction[] {
  const inState = (action: Parameters<typeof transition>[1]) => transition(request.state, action).isAllowed;
  const isOpen = request.state !== 'closed';
  const rules: Record<RequestUserAction, boolean> = {
    acknowledge: access.canTriage && inState('acknowledge'),
    route: access.canTriage && inState('route'),
    refer: access.canTriage && inState('refer'),
    updateReferral: access.canTriage && isOpen && Boolean(request.referral),
    answer: access.canAnswer && inState('answer'),
    reviewAnswer: access.canTriage && inState('answer') && Boolean(request.proposedAnswer),
    postUpdate: access.canAnswer && inState('postUpdate') && request.verdict === 'ooit',
    changeVerdict: access.canAnswer && inState('changeVerdict') && request.verdict === 'ooit',
    recordCarriedOut: access.canAnswer && request.state === 'answered' && request.verdict === 'nu' && request.carriedOutOn === null,
    recordAdvicePosition: access.canAnswer && inState('recordAdvicePosition') && isAdvice(request.kind as RequestKind),
    setFormalInspraak: access.canTriage && isOpen && isAdvice(request.kind as RequestKind),
    link: access.canTriage,
    markDuplicate: access.canTriage && inState('markDuplicate'),
    close: access.canTriage && inState('close'),
    reopen: access.canTriage && inState('reopen'),
    postMessage: (access.isSubmitterSide || access.isHandler) && isOpen,
    writeNote: access.isHandler,
    addAttachment: (access.isSubmitterSide || access.isHandler) && isOpen,
    addInternalAttachment: access.isHandler && isOpen,
    // Decided by whether the person follows already: added by the service (request-following.service.ts).
    follow: false,
    unfollow: false,
  };
  return requestUserActions.filter((action) => rules[action]);
}
