import type { FieldProblem } from '../../platform/errors.ts';
import { addWeeks, addWorkingDays, type CalendarDate } from '../../platform/working-days.ts';

// The answer protocol of §3.4 (nu / ooit / nooit), the support statement of §3.1 and the deadlines. Pure.

export const requestKinds = ['question', 'request', 'advice_solicited', 'advice_unsolicited', 'initiative'] as const;
export type RequestKind = (typeof requestKinds)[number];
export const scales = ['street', 'area', 'neighbourhood', 'city_wide'] as const;
export type Scale = (typeof scales)[number];
export const conditionKinds = ['budget', 'capacity', 'policy', 'decision'] as const;
export const refusalReasons = ['too_expensive', 'general_interest_or_safety', 'insufficient_support', 'outside_competence', 'other'] as const;
export const supportOrigins = ['open_meeting', 'survey', 'board_decision', 'petition', 'other'] as const;
export const supportBreadths = ['broad', 'divided', 'narrow'] as const;

export type Verdict =
  | { verdict: 'nu'; motivation: string; action: string; plannedOn: CalendarDate }
  | { verdict: 'ooit'; motivation: string; conditions: { kind: (typeof conditionKinds)[number]; text: string }[]; decisionDueOn: CalendarDate; updateEveryWeeks: number }
  | { verdict: 'nooit'; motivation: string; reasons: (typeof refusalReasons)[number][] };

export interface AnswerPolicy {
  /** "Short term" for a nu: the planned date must fall within it (default 8 weeks). */
  shortTermWeeks: number;
  /** The least a motivation must say, so the quality of an answer does not depend on who writes it. */
  minimumMotivationLength: number;
}

export const defaultAnswerPolicy: AnswerPolicy = { shortTermWeeks: 8, minimumMotivationLength: 40 };

/** A motivation that is long enough and more than one character typed over and over. */
function isMeaningful(text: string, minimumLength: number): boolean {
  const trimmed = text.trim();
  return trimmed.length >= minimumLength && new Set(trimmed.toLowerCase().replace(/\s/g, '')).size >= 8;
}

/** What is wrong with an answer, per field; empty when it can be sent. */
export function checkVerdict(answer: Verdict, today: CalendarDate, policy: AnswerPolicy = defaultAnswerPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isMeaningful(answer.motivation, policy.minimumMotivationLength)) problems.push({ field: 'body.motivation', code: 'motivationTooThin', params: { minimum: policy.minimumMotivationLength } });
  switch (answer.verdict) {
    case 'nu': {
      if (answer.action.trim().length < 10) problems.push({ field: 'body.action', code: 'required' });
      const latest = addWeeks(today, policy.shortTermWeeks);
      if (answer.plannedOn < today) problems.push({ field: 'body.plannedOn', code: 'dateInPast' });
      else if (answer.plannedOn > latest) problems.push({ field: 'body.plannedOn', code: 'beyondShortTerm', params: { weeks: policy.shortTermWeeks, latest } });
      break;
    }
    case 'ooit':
      if (answer.conditions.length === 0) problems.push({ field: 'body.conditions', code: 'conditionRequired' });
      answer.conditions.forEach((condition, index) => {
        if (condition.text.trim().length < 10) problems.push({ field: `body.conditions.${index}.text`, code: 'required' });
      });
      if (answer.decisionDueOn <= today) problems.push({ field: 'body.decisionDueOn', code: 'dateNotInFuture' });
      if (!Number.isInteger(answer.updateEveryWeeks) || answer.updateEveryWeeks < 1 || answer.updateEveryWeeks > 26) problems.push({ field: 'body.updateEveryWeeks', code: 'updateCadence' });
      break;
    case 'nooit':
      if (answer.reasons.length === 0) problems.push({ field: 'body.reasons', code: 'reasonRequired' });
      break;
  }
  return problems;
}

export interface SupportStatement {
  origins: { kind: (typeof supportOrigins)[number]; count?: number; text?: string }[];
  breadth: (typeof supportBreadths)[number];
  dissent: string;
}

export function isAdvice(kind: RequestKind): boolean {
  return kind === 'advice_solicited' || kind === 'advice_unsolicited';
}

/** Advice from a council says how broadly it is supported and how it came about (§3.1 "Draagvlak"). */
export function checkSupportStatement(kind: RequestKind, isFromCouncil: boolean, statement: SupportStatement | undefined): FieldProblem[] {
  if (!isAdvice(kind) || !isFromCouncil) return [];
  if (!statement) return [{ field: 'body.supportStatement', code: 'supportStatementRequired' }];
  const problems: FieldProblem[] = [];
  if (statement.origins.length === 0) problems.push({ field: 'body.supportStatement.origins', code: 'supportOriginRequired' });
  statement.origins.forEach((origin, index) => {
    if ((origin.kind === 'survey' || origin.kind === 'petition') && !(origin.count && origin.count > 0)) {
      problems.push({ field: `body.supportStatement.origins.${index}.count`, code: origin.kind === 'survey' ? 'respondentsRequired' : 'signaturesRequired' });
    }
    if (origin.kind === 'other' && !origin.text?.trim()) problems.push({ field: `body.supportStatement.origins.${index}.text`, code: 'required' });
  });
  if (statement.breadth !== 'broad' && statement.dissent.trim().length < 10) problems.push({ field: 'body.supportStatement.dissent', code: 'dissentRequired' });
  return problems;
}

/** Influence follows the scale (§3.1 "Schaalniveau"): more within the neighbourhood, less on city-wide policy. */
export type Weight = 'large' | 'limited';
export const defaultWeightByScale: Record<Scale, Weight> = { street: 'large', area: 'large', neighbourhood: 'large', city_wide: 'limited' };

export function weightOf(scale: Scale, rule: Record<Scale, Weight> = defaultWeightByScale): Weight {
  return rule[scale];
}

export interface DeadlinePolicy {
  acknowledgeWithinWorkingDays: number;
  answerWithinWorkingDays: number;
}

export const defaultDeadlinePolicy: DeadlinePolicy = { acknowledgeWithinWorkingDays: 5, answerWithinWorkingDays: 20 };

export function deadlinesFor(submittedOn: CalendarDate, policy: DeadlinePolicy = defaultDeadlinePolicy, extraClosedDates?: ReadonlySet<CalendarDate>) {
  return {
    acknowledgeBy: addWorkingDays(submittedOn, policy.acknowledgeWithinWorkingDays, extraClosedDates),
    answerBy: addWorkingDays(submittedOn, policy.answerWithinWorkingDays, extraClosedDates),
  };
}

/** When the next progress update of an ooit answer is due. */
export function nextUpdateDue(lastUpdateOn: CalendarDate, everyWeeks: number): CalendarDate {
  return addWeeks(lastUpdateOn, everyWeeks);
}

export const advicePositions = ['follows', 'follows_partly', 'deviates'] as const;
/** Who decided to deviate from advice: the college, the municipal council (raad) or the department. */
export const decidingBodies = ['college', 'municipalCouncil', 'department'] as const;
export type DecidingBody = (typeof decidingBodies)[number];

export interface AdvicePosition {
  position: (typeof advicePositions)[number];
  motivation: string;
  decidingBody?: DecidingBody | null;
}

/**
 * Deviating from advice needs reasons and who decided (§3.1 "Gemeente kan beargumenteerd afwijken"): in a formal
 * inspraak procedure the college or the municipal council, in all other cases the department concerned. Whether a
 * request is formal inspraak is a flag staff set on it, not its kind. Following partly needs the motivation too.
 */
export function checkAdvicePosition(kind: RequestKind, isFormalInspraak: boolean, input: AdvicePosition, policy: AnswerPolicy = defaultAnswerPolicy): FieldProblem[] {
  if (!isAdvice(kind)) return [{ field: 'body.position', code: 'notAdvice' }];
  const problems: FieldProblem[] = [];
  if (input.position !== 'follows' && !isMeaningful(input.motivation, policy.minimumMotivationLength)) {
    problems.push({ field: 'body.motivation', code: 'motivationTooThin', params: { minimum: policy.minimumMotivationLength } });
  }
  if (input.position === 'deviates') {
    const decidingBody = decidingBodyOf(isFormalInspraak, input);
    if (!decidingBody) problems.push({ field: 'body.decidingBody', code: 'decidingBodyRequired' });
    else if (isFormalInspraak && decidingBody === 'department') problems.push({ field: 'body.decidingBody', code: 'formalInspraakBody' });
    else if (!isFormalInspraak && decidingBody !== 'department') problems.push({ field: 'body.decidingBody', code: 'departmentDecides' });
  }
  return problems;
}

/** Outside formal inspraak only the department decides, so it need not be named. */
export function decidingBodyOf(isFormalInspraak: boolean, input: AdvicePosition): DecidingBody | null {
  if (input.position !== 'deviates') return null;
  return input.decidingBody ?? (isFormalInspraak ? null : 'department');
}

/**
 * A nu is a promise to act within the short term (§3.4); recording that it was carried out takes a day that has
 * passed, no earlier than the answer itself.
 */
export function checkCarriedOut(verdict: string | null, carriedOutOn: CalendarDate, answeredOn: CalendarDate, today: CalendarDate): FieldProblem[] {
  if (verdict !== 'nu') return [{ field: 'body.carriedOutOn', code: 'onlyNuCarriedOut' }];
  if (carriedOutOn > today) return [{ field: 'body.carriedOutOn', code: 'dateInFuture' }];
  if (carriedOutOn < answeredOn) return [{ field: 'body.carriedOutOn', code: 'beforeAnswer', params: { answeredOn } }];
  return [];
}

/** An ooit may later become a nu or a nooit (§3.4); any other change is a new answer, not a change of verdict. */
export function checkVerdictChange(current: string | null, next: Verdict, today: CalendarDate, policy: AnswerPolicy = defaultAnswerPolicy): FieldProblem[] {
  if (current !== 'ooit') return [{ field: 'body.verdict', code: 'onlyOoitChanges' }];
  if (next.verdict === 'ooit') return [{ field: 'body.verdict', code: 'verdictUnchanged' }];
  return checkVerdict(next, today, policy);
}
