import type { FieldProblem } from '../../platform/errors.ts';
import type { MeetingKindRules } from './meeting.rules.ts';

/**
 * A kind as an administrator tailored it must still hang together: a number where the frequency rule needs one and
 * none where it does not, no fixed frequency for meetings outside the structure, and no group both required and
 * optional.
 */
export function checkMeetingKind(kind: Pick<MeetingKindRules, 'frequencyRule' | 'frequencyValue' | 'countsTowardStructure' | 'requiredParticipants' | 'optionalParticipants'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const needsNumber = kind.frequencyRule === 'every_years' || kind.frequencyRule === 'per_council_term';
  if (!kind.countsTowardStructure && kind.frequencyRule !== 'none') problems.push({ field: 'body.frequencyRule', code: 'frequencyNotForThisKind' });
  else if (needsNumber && kind.frequencyValue === null) problems.push({ field: 'body.frequencyValue', code: 'frequencyValueRequired' });
  else if (!needsNumber && kind.frequencyValue !== null) problems.push({ field: 'body.frequencyValue', code: 'frequencyValueNotUsed' });
  const both = kind.optionalParticipants.filter((group) => kind.requiredParticipants.includes(group));
  if (both.length > 0) problems.push({ field: 'body.optionalParticipants', code: 'groupBothRequiredAndOptional' });
  return problems;
}
