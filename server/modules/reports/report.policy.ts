import { type Actor, can, hasRole, scopeIdsOf } from '../../platform/permissions.ts';
import type { ReportListFilter, ReportViewer } from './report.repository.ts';
import { isClosed, type ReportStatus, settableStatuses, statusesAfter } from './report.workflow.ts';
import { reportsPermissions } from './reports.permissions.ts';

export interface ReportScope {
  neighbourhoodId: string;
  departmentId: string | null;
  status: ReportStatus;
}

export interface ReportAccess {
  /** Officers of its department, the neighbourhood's advisors, aldermen and admins. */
  canRead: boolean;
  /** Officers of its department and admins; a report nobody routed yet is the admins'. */
  canHandle: boolean;
  /** Those who read it and may submit neighbourhood requests (its neighbourhood's advisors): they may turn it into one. */
  canTurnIntoRequest: boolean;
}

export function accessTo(actor: Actor | undefined, report: Pick<ReportScope, 'neighbourhoodId' | 'departmentId'>): ReportAccess {
  const target = { departmentId: report.departmentId ?? undefined, neighbourhoodIds: [report.neighbourhoodId] };
  const canHandle = can(actor, reportsPermissions['report.handle'], target);
  const canRead = canHandle || can(actor, reportsPermissions['report.read'], target);
  return { canHandle, canRead, canTurnIntoRequest: canRead && can(actor, 'request.submit') };
}

/** The queue a person sees: everything for admins and aldermen, else their departments and neighbourhoods. */
export function viewerOf(actor: Actor | undefined): ReportViewer {
  if (hasRole(actor, 'admin') || hasRole(actor, 'alderman')) return { seesAll: true };
  return { seesAll: false, departmentIds: scopeIdsOf(actor, 'officer'), neighbourhoodIds: scopeIdsOf(actor, 'advisor') };
}

export type ReportAction = 'changeStatus' | 'assign' | 'setPriority' | 'addNote' | 'merge' | 'split' | 'refer' | 'linkRequest' | 'approvePhoto' | 'turnIntoRequest';

/**
 * What this person may do with this report now: the workflow's next statuses × their access. A merged report only
 * takes notes; a closed one can no longer be merged or split (its reporter was told it ended), but its photos,
 * referral and request link still can be kept up to date. Turning it into a request is for those who may submit
 * one, once: a report already linked to a request has its request.
 */
export function allowedActionsOf(access: ReportAccess, report: Pick<ReportScope, 'status'> & { requestId?: string | null }) {
  const turning: ReportAction[] = access.canTurnIntoRequest && !report.requestId ? ['turnIntoRequest'] : [];
  if (!access.canHandle) return { actions: turning, statuses: [] as (typeof settableStatuses)[number][] };
  const statuses = statusesAfter(report.status).filter((status): status is (typeof settableStatuses)[number] => (settableStatuses as readonly string[]).includes(status));
  if (report.status === 'merged') return { actions: ['addNote', ...turning] as ReportAction[], statuses };
  const actions: ReportAction[] = ['assign', 'setPriority', 'addNote'];
  if (!isClosed(report.status)) actions.push('merge', 'split');
  actions.push('refer', 'linkRequest', 'approvePhoto', ...turning);
  if (statuses.length > 0) actions.unshift('changeStatus');
  return { actions, statuses };
}

export type { ReportListFilter };
