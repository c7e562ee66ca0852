// node bench/planner.ts — also run by `npm run bench` before the HTTP measurements.
// The staggered planner for every Dutch wijk at once (about 3,400 in 342 municipalities) over two years: a pure
// in-process measurement of the planner function on generated input, no database.
import { pathToFileURL } from 'node:url';
import { type PlannerInput, proposeMeetingSchedule } from '../server/modules/meetings/meeting-planner.rules.ts';
import { addDays } from '../server/platform/working-days.ts';

export const plannerTargetMs = 2000;

/** A deterministic generated country: ten wijken a municipality, one wijkbeleid alderman and two advisors each. */
export function generatePlannerInput(neighbourhoodCount = 3400): PlannerInput {
  const from = '2027-01-01';
  const to = '2028-12-31';
  const neighbourhoods: PlannerInput['neighbourhoods'] = [];
  const blockedPeriods: PlannerInput['blockedPeriods'] = [];
  for (let index = 0; index < neighbourhoodCount; index++) {
    const municipality = Math.floor(index / 10);
    const alderman = `alderman-${municipality}`;
    const college = [alderman, `alderman-${municipality}-b`, `alderman-${municipality}-c`];
    const advisor = `advisor-${municipality}-${index % 2}`;
    // Last wijktafels spread over the past two and a half years, some never held.
    const lastHeldOn = index % 17 === 0 ? null : addDays('2024-07-01', (index * 37) % 900);
    const wijktafelDue = lastHeldOn ? `${Number(lastHeldOn.slice(0, 4)) + 2}${lastHeldOn.slice(4)}` : '2027-01-01';
    neighbourhoods.push({
      id: `n-${String(index).padStart(5, '0')}`,
      name: `Wijk ${index + 1}`,
      advisorIds: [advisor],
      needs: [
        { kindCode: 'wijktafel', lastHeldOn, nextDueOn: wijktafelDue === '2027-02-29' ? '2027-02-28' : wijktafelDue, nextPlannedOn: null, aldermanIds: [alderman] },
        { kindCode: 'wijkbezoek', lastHeldOn: null, nextDueOn: index % 2 === 0 ? '2028-05-31' : '2030-05-31', nextPlannedOn: null, aldermanIds: college },
      ],
    });
    if (index % 10 === 0) blockedPeriods.push({ userId: alderman, from: '2027-07-12', to: '2027-08-20' }, { userId: advisor, from: '2028-04-01', to: '2028-04-14' });
  }
  return {
    from,
    to,
    kindCodes: ['wijktafel', 'wijkbezoek'],
    neighbourhoods,
    blockedPeriods,
    blackoutPeriods: [
      { kind: 'school_holiday', from: '2027-07-17', to: '2027-08-29', description: 'Zomervakantie 2027' },
      { kind: 'school_holiday', from: '2027-12-25', to: '2028-01-09', description: 'Kerstvakantie' },
      { kind: 'council_recess', from: '2028-07-08', to: '2028-08-20', description: 'Zomerreces raad' },
    ],
    maxPerAdvisorPerMonth: 2,
    occupied: [],
  };
}

/** The median of a few runs, in milliseconds, with what the last run produced. */
export function measurePlanner(runs = 5) {
  const input = generatePlannerInput();
  const timings: number[] = [];
  let result = proposeMeetingSchedule(input);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = proposeMeetingSchedule(input);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { neighbourhoods: input.neighbourhoods.length, proposals: result.proposals.length, unplaced: result.unplaced.length, medianMs: Math.round(timings[Math.floor(timings.length / 2)]), targetMs: plannerTargetMs };
}

export function describePlannerMeasurement(measured: ReturnType<typeof measurePlanner>): string {
  return `Staggered planner, ${measured.neighbourhoods} neighbourhoods over two years: ${measured.medianMs} ms (target < ${measured.targetMs} ms: ${measured.medianMs < measured.targetMs ? 'met' : 'NOT met'}); ${measured.proposals} proposals, ${measured.unplaced} not placed.`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(`${describePlannerMeasurement(measurePlanner())}\n`);
