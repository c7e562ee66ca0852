import type { ContributionStep, PlanSection } from './action-plan.tables.ts';

/**
 * The way of working until a municipality publishes its own (§3.2, §4.1): a short plan of challenges and SMART
 * actions, contributions from every party some weeks before the wijktafel, and progress reports every quarter.
 */
export const defaultActionPlanMethod: {
  sections: PlanSection[];
  contributionSteps: ContributionStep[];
  contributionWeeksBefore: number;
  reportIntervalMonths: number;
  deadlineReminderDays: number;
} = {
  sections: [
    {
      key: 'opgaven',
      titleNl: 'Opgaven van de wijk',
      titleEn: 'The neighbourhood’s challenges',
      guidanceNl: 'De belangrijkste opgaven voor de komende periode, met de thema’s waar ze over gaan. Houd het kort: liever drie echte opgaven dan tien wensen.',
      guidanceEn: 'The main challenges for the coming period, with their themes. Keep it short: three real challenges rather than ten wishes.',
    },
    {
      key: 'acties',
      titleNl: 'SMART-acties',
      titleEn: 'SMART actions',
      guidanceNl: 'Per opgave de acties van wijkorgaan, partners en gemeente: wat precies en waar, hoe gemeten, wie het doet (bovenop het reguliere werk), wat het kost en wanneer het klaar is.',
      guidanceEn: 'Per challenge the actions of council, partners and municipality: what exactly and where, how measured, who does it (on top of regular work), what it takes and when it is done.',
    },
    {
      key: 'monitoring',
      titleNl: 'Monitoring en voortgang',
      titleEn: 'Monitoring and progress',
      guidanceNl: 'De eigenaar van een actie geeft de voortgang door; de adviseur rapporteert elk kwartaal aan het wijkorgaan. Successen vieren we samen.',
      guidanceEn: 'The owner of an action reports its progress; the advisor reports to the council every quarter. We celebrate successes together.',
    },
  ],
  contributionSteps: [
    {
      party: 'council',
      deliversNl: 'Het wijkorgaan levert de opgaven die het in de wijk ziet en de acties die het zelf oppakt. Dit is de voorwaarde voor de subsidie van het wijkorgaan.',
      deliversEn: 'The council delivers the challenges it sees in the neighbourhood and the actions it takes on itself. This is the condition for the council’s subsidy.',
    },
    {
      party: 'partner',
      deliversNl: 'Partners (politie, woningcorporaties, welzijn) leveren hun acties in de wijk bovenop hun reguliere inzet.',
      deliversEn: 'Partners (police, housing corporations, welfare) deliver their actions in the neighbourhood on top of their regular work.',
    },
    {
      party: 'department',
      deliversNl: 'Betrokken afdelingen van de gemeente leveren hun acties, met budget en planning.',
      deliversEn: 'The municipal departments involved deliver their actions, with budget and planning.',
    },
  ],
  contributionWeeksBefore: 6,
  reportIntervalMonths: 3,
  deadlineReminderDays: 14,
};
