import type { FieldProblem } from '../../platform/errors.ts';

/** "Mierlo-Hout" → "mierlo-hout", "Binnenstad/Centrum" → "binnenstad-centrum". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/**
 * The agreement on meetings in a development area (§3.3, last bullet): only where there is a development programme
 * with its own programme manager; an adapted form says which form; the day agreed has passed.
 */
export function checkDevelopmentAgreement(
  neighbourhood: { isDevelopmentArea: boolean; programmeManagerUserId: string | null },
  agreement: { decision: 'regular' | 'adapted' | 'suspended'; form: string; agreedOn: string },
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!neighbourhood.isDevelopmentArea || !neighbourhood.programmeManagerUserId) problems.push({ field: 'body.decision', code: 'notADevelopmentArea' });
  if (agreement.decision === 'adapted' && agreement.form.length < 10) problems.push({ field: 'body.form', code: 'formRequired' });
  if (agreement.agreedOn > today) problems.push({ field: 'body.agreedOn', code: 'dateInFuture' });
  return problems;
}

/** The fields an advisor may change for their own neighbourhoods; everything else is the admin's. */
export const fieldsAnAdvisorMayDescribe = new Set(['version', 'description']);
