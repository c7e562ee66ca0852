import type { CalendarDate } from '../../platform/working-days.ts';
import type { DevelopmentAgreement } from '../neighbourhoods/neighbourhood.tables.ts';
import type { DevelopmentAreaAgreement, FrequencyStatus } from './meeting-frequency.rules.ts';

// The overview across neighbourhoods (§3.2 "Frequentie"): which reading of the development-area agreement counts,
// and how a status reads at a glance. Pure, beside frequencyStatus, which it feeds.

/** The three kinds of the meeting structure whose rhythm the overview follows; bilateral and ad-hoc have none. */
export const structureKindCodes = ['wijktafel', 'wijkwerkoverleg', 'wijkbezoek'] as const;
export type StructureKindCode = (typeof structureKindCodes)[number];

/** A kind is "due soon" when its due day lies this close and nothing has been planned by then. */
export const dueSoonDays = 90;

export const frequencyBadges = ['overdue', 'dueSoon', 'ok', 'exempt'] as const;
export type FrequencyBadge = (typeof frequencyBadges)[number];

/**
 * What the recorded agreement means for the expected meetings. Only in a development area does it count (a
 * neighbourhood that stopped being one goes back to the note's rhythm). 'regular': as everywhere. 'suspended': not
 * while the programme runs. 'adapted': the meeting takes place in the agreed other form, inside the programme's own
 * participation, so no separate meeting of this kind is expected; the form is the reason shown.
 */
export function agreementForFrequency(isDevelopmentArea: boolean, agreement: DevelopmentAgreement | null): DevelopmentAreaAgreement | null {
  if (!isDevelopmentArea || !agreement || agreement.decision === 'regular') return null;
  const reason = agreement.decision === 'adapted' && agreement.form.trim() ? `${agreement.form.trim()} — ${agreement.reason}` : agreement.reason;
  return { isExempt: true, reason };
}

const addDays = (date: CalendarDate, days: number): CalendarDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The badge a row shows: a planned meeting on or before the due day takes away the "due soon" worry. */
export function badgeOf(status: FrequencyStatus, today: CalendarDate): FrequencyBadge {
  if (status.isExempt) return 'exempt';
  if (status.isOverdue) return 'overdue';
  if (status.nextDueOn === null) return 'ok';
  const isPlannedInTime = status.nextPlannedOn !== null && status.nextPlannedOn <= status.nextDueOn;
  return !isPlannedInTime && status.nextDueOn <= addDays(today, dueSoonDays) ? 'dueSoon' : 'ok';
}
