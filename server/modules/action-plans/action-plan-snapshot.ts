import type { Language } from '../../platform/language.ts';
import { ownerOf } from './action-plan-content.repository.ts';
import type { PlanParts } from './action-plan.presenter.ts';
import { type AcceptedWarning, checkSmart, type SmartCheckPlan, type SmartFinding, type SmartParty } from './action-plan-smart.rules.ts';
import type { PlanRow } from './action-plan.repository.ts';
import type { PlanSnapshot } from './action-plan-version.rules.ts';
import { smartFindingMessages } from './action-plans.errors.ts';

/** The plan's content as the wijktafel adopts it: names of owners kept, never a person's name. */
export function snapshotOf(plan: PlanRow, parts: PlanParts): PlanSnapshot {
  return {
    title: plan.title,
    periodStartsOn: plan.periodStartsOn,
    periodEndsOn: plan.periodEndsOn,
    challenges: parts.challenges.map(({ challenge, themes }) => ({
      id: challenge.id,
      title: challenge.title,
      description: challenge.description,
      themeIds: themes.map((item) => item.id),
      actions: parts.actions
        .filter((record) => record.action.challengeId === challenge.id && record.action.progressStatus !== 'dropped')
        .map(({ action, ownerName }) => ({
          id: action.id,
          title: action.title,
          specific: action.specific,
          location: action.location,
          indicator: action.indicator,
          baseline: action.baseline,
          target: action.target,
          unit: action.unit,
          ownerName,
          owner: ownerOf(action),
          startsOn: action.startsOn,
          deadlineOn: action.deadlineOn,
          budgetEuros: action.budgetEuros,
          hours: action.hours,
          fundingSource: action.fundingSource,
          isOnTopOfRegularWork: action.isOnTopOfRegularWork,
        })),
    })),
  };
}

/** The SMART check's input from the live content. */
export function smartCheckInput(plan: PlanRow, parts: PlanParts, participantParties: SmartParty[] | null): SmartCheckPlan {
  return {
    periodStartsOn: plan.periodStartsOn,
    periodEndsOn: plan.periodEndsOn,
    challenges: parts.challenges.map(({ challenge, themes }) => ({ id: challenge.id, title: challenge.title, themeIds: themes.map((item) => item.id) })),
    actions: parts.actions.map(({ action }) => ({
      id: action.id,
      challengeId: action.challengeId,
      title: action.title,
      specific: action.specific,
      location: action.location,
      indicator: action.indicator,
      baseline: action.baseline,
      target: action.target,
      unit: action.unit,
      owner: ownerOf(action),
      contactUserId: action.contactUserId,
      isOnTopOfRegularWork: action.isOnTopOfRegularWork,
      budgetEuros: action.budgetEuros,
      hours: action.hours,
      fundingSource: action.fundingSource,
      startsOn: action.startsOn,
      deadlineOn: action.deadlineOn,
      status: action.progressStatus,
    })),
    participantParties,
  };
}

/** The SMART check with a sentence per finding, and whether the plan can be adopted (no errors left). */
export function smartCheckOf(plan: PlanRow, parts: PlanParts, participantParties: SmartParty[] | null, language: Language, accepted: AcceptedWarning[]) {
  const rawFindings: SmartFinding[] = checkSmart(smartCheckInput(plan, parts, participantParties));
  const titleOfAction = new Map(parts.actions.map(({ action }) => [action.id, action.title]));
  const titleOfChallenge = new Map(parts.challenges.map(({ challenge }) => [challenge.id, challenge.title]));
  const findings = rawFindings.map((finding) => ({
    ...finding,
    code: finding.code as keyof typeof smartFindingMessages,
    message: smartFindingMessages[finding.code as keyof typeof smartFindingMessages]?.[language] ?? finding.code,
    subject: finding.actionId ? (titleOfAction.get(finding.actionId) ?? '') : finding.challengeId ? (titleOfChallenge.get(finding.challengeId) ?? '') : plan.title,
    acceptedReason: accepted.find((item) => item.code === finding.code && item.actionId === finding.actionId && item.challengeId === finding.challengeId)?.reason ?? null,
  }));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { errors, warnings: findings.length - errors, isAdoptable: errors === 0, findings, rawFindings };
}
