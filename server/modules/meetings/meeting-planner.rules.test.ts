import { describe, expect, it } from 'vitest';
import { type PlannerInput, type PlannerNeighbourhood, type PlannerNeed, proposeMeetingSchedule } from './meeting-planner.rules.ts';

// A small municipality: one wijkbeleid alderman, one advisor, a college of three. Q1 2027 starts on Friday 1 January
// (Nieuwjaar), so the first planning week is Monday 4 January.
const alderman = 'alderman-a';
const advisor = 'advisor-a';

function wijk(id: string, name: string, wijktafel: Partial<PlannerNeed> = {}, extra: Partial<PlannerNeighbourhood> = {}): PlannerNeighbourhood {
  return {
    id,
    name,
    advisorIds: [advisor],
    needs: [{ kindCode: 'wijktafel', lastHeldOn: '2025-01-20', nextDueOn: '2027-01-20', nextPlannedOn: null, aldermanIds: [alderman], ...wijktafel }],
    ...extra,
  };
}

function plan(input: Partial<PlannerInput>) {
  return proposeMeetingSchedule({
    // One quarter, so that the spread over quarters does not move anything unless a case asks for it.
    from: '2027-01-01',
    to: '2027-03-31',
    kindCodes: ['wijktafel'],
    neighbourhoods: [],
    blockedPeriods: [],
    blackoutPeriods: [],
    maxPerAdvisorPerMonth: 4,
    occupied: [],
    ...input,
  });
}

const datesOf = (result: ReturnType<typeof plan>) => Object.fromEntries(result.proposals.map((proposal) => [proposal.neighbourhoodName, proposal.date]));

describe('the staggered planner: each constraint moves a meeting', () => {
  it.each<[string, Partial<PlannerInput>, Record<string, string>]>([
    ['no constraint in the way: the first Tuesday of the period', { neighbourhoods: [wijk('n1', 'Brandevoort')] }, { Brandevoort: '2027-01-05' }],
    ['the alderman has a wijktafel that week already: the next week', { neighbourhoods: [wijk('n1', 'Brandevoort'), wijk('n2', 'Rijpelberg')] }, { Brandevoort: '2027-01-05', Rijpelberg: '2027-01-12' }],
    [
      'a meeting already in the calendar takes the alderman’s week',
      { neighbourhoods: [wijk('n1', 'Brandevoort')], occupied: [{ date: '2027-01-07', aldermanIds: [alderman], advisorIds: [] }] },
      { Brandevoort: '2027-01-12' },
    ],
    [
      'two aldermen: the same week is fine',
      { neighbourhoods: [wijk('n1', 'Brandevoort'), wijk('n2', 'Rijpelberg', { aldermanIds: ['alderman-b'] })] },
      { Brandevoort: '2027-01-05', Rijpelberg: '2027-01-05' },
    ],
    [
      'the advisor’s monthly cap is reached: the next month',
      { maxPerAdvisorPerMonth: 1, neighbourhoods: [wijk('n1', 'Brandevoort'), wijk('n2', 'Rijpelberg')] },
      { Brandevoort: '2027-01-05', Rijpelberg: '2027-02-02' },
    ],
    [
      'the cap counts meetings already in the calendar',
      { maxPerAdvisorPerMonth: 1, neighbourhoods: [wijk('n1', 'Brandevoort')], occupied: [{ date: '2027-01-28', aldermanIds: [], advisorIds: [advisor] }] },
      { Brandevoort: '2027-02-02' },
    ],
    // Tuesday 6 April 2027 is the day after Easter Monday; Easter Monday itself is a holiday.
    ['a public holiday is skipped: Easter Monday in a week starting on it', { from: '2027-03-29', to: '2027-03-31', neighbourhoods: [wijk('n1', 'Brandevoort', { nextDueOn: '2027-03-31' })] }, { Brandevoort: '2027-03-30' }],
    ['Koningsdag (Tuesday 27 April 2027) is skipped: Wednesday', { from: '2027-04-26', to: '2027-06-30', neighbourhoods: [wijk('n1', 'Brandevoort', { nextDueOn: '2027-04-30' })] }, { Brandevoort: '2027-04-28' }],
    [
      'a blackout period (school holiday) is skipped',
      { neighbourhoods: [wijk('n1', 'Brandevoort')], blackoutPeriods: [{ kind: 'school_holiday', from: '2027-01-01', to: '2027-01-10', description: 'Kerstvakantie' }] },
      { Brandevoort: '2027-01-12' },
    ],
    [
      'the council’s recess is skipped',
      { neighbourhoods: [wijk('n1', 'Brandevoort')], blackoutPeriods: [{ kind: 'council_recess', from: '2027-01-04', to: '2027-01-19', description: 'Reces' }] },
      { Brandevoort: '2027-01-20' },
    ],
    ['the alderman’s blocked days are skipped', { neighbourhoods: [wijk('n1', 'Brandevoort')], blockedPeriods: [{ userId: alderman, from: '2027-01-05', to: '2027-01-06' }] }, { Brandevoort: '2027-01-07' }],
    ['the advisor’s blocked days are skipped', { neighbourhoods: [wijk('n1', 'Brandevoort')], blockedPeriods: [{ userId: advisor, from: '2027-01-01', to: '2027-01-08' }] }, { Brandevoort: '2027-01-12' }],
    ['someone else’s blocked days change nothing', { neighbourhoods: [wijk('n1', 'Brandevoort')], blockedPeriods: [{ userId: 'someone-else', from: '2027-01-01', to: '2027-01-31' }] }, { Brandevoort: '2027-01-05' }],
    [
      'the longest-waiting neighbourhood goes first',
      {
        neighbourhoods: [wijk('n1', 'Brandevoort', { lastHeldOn: '2024-03-01', nextDueOn: '2026-03-01' }), wijk('n2', 'Rijpelberg', { lastHeldOn: '2023-06-01', nextDueOn: '2025-06-01' })],
      },
      { Rijpelberg: '2027-01-05', Brandevoort: '2027-01-12' },
    ],
    [
      'never held goes before the one held longest ago, with the same due date',
      { neighbourhoods: [wijk('n1', 'Brandevoort', { lastHeldOn: '2020-01-01', nextDueOn: '2026-12-01' }), wijk('n2', 'Rijpelberg', { lastHeldOn: null, nextDueOn: '2026-12-01' })] },
      { Rijpelberg: '2027-01-05', Brandevoort: '2027-01-12' },
    ],
    [
      'a meeting due later is placed before its due date, in its own quarter',
      { to: '2027-12-31', neighbourhoods: [wijk('n1', 'Brandevoort', { lastHeldOn: '2025-08-20', nextDueOn: '2027-08-20' })] },
      { Brandevoort: '2027-07-01' },
    ],
  ])('%s', (_label, input, expected) => {
    expect(datesOf(plan(input))).toEqual(expected);
  });

  it('spreads the load evenly over the quarters instead of piling everything into the first', () => {
    // Twelve overdue wijktafels with two aldermen: each quarter takes three.
    const neighbourhoods = Array.from({ length: 12 }, (_, index) =>
      wijk(`n${String(index).padStart(2, '0')}`, `Wijk ${index}`, { lastHeldOn: '2024-01-01', nextDueOn: '2026-01-01', aldermanIds: [index % 2 === 0 ? alderman : 'alderman-b'] }),
    );
    const result = plan({ to: '2027-12-31', neighbourhoods, maxPerAdvisorPerMonth: 20 });
    const perQuarter: Record<string, number> = {};
    for (const proposal of result.proposals) perQuarter[proposal.quarter] = (perQuarter[proposal.quarter] ?? 0) + 1;
    expect(perQuarter).toEqual({ '2027-Q1': 3, '2027-Q2': 3, '2027-Q3': 3, '2027-Q4': 3 });
    expect(result.proposals.find((proposal) => proposal.quarter === '2027-Q2')?.explanation.en).toContain('earlier quarters already have their share');
  });

  it('moves to an earlier quarter when the quarter of the due date already has its share', () => {
    // Four due in the last quarter, one per quarter: the earlier ones move forward.
    const neighbourhoods = Array.from({ length: 4 }, (_, index) => wijk(`n${index}`, `Wijk ${index}`, { lastHeldOn: `2025-12-0${index + 1}`, nextDueOn: `2027-12-0${index + 1}` }));
    const result = plan({ to: '2027-12-31', neighbourhoods });
    expect(result.proposals.map((proposal) => proposal.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(result.proposals[0].explanation.en).toContain('already has its share');
  });

  it('answers the same for the same input, whatever order the neighbourhoods come in', () => {
    const neighbourhoods = Array.from({ length: 30 }, (_, index) => wijk(`n${String(index).padStart(2, '0')}`, `Wijk ${index}`, { lastHeldOn: '2024-05-01', nextDueOn: '2026-05-01' }));
    const first = plan({ neighbourhoods });
    expect(plan({ neighbourhoods: [...neighbourhoods].reverse() })).toEqual(first);
    expect(plan({ neighbourhoods })).toEqual(first);
  });

  it('explains the choice in a sentence a person understands, in Dutch and English', () => {
    const result = plan({ neighbourhoods: [wijk('n1', 'Brandevoort', { lastHeldOn: '2025-03-12', nextDueOn: '2027-03-12' }), wijk('n2', 'Rijpelberg', { lastHeldOn: '2025-03-11', nextDueOn: '2027-03-11' })] });
    const brandevoort = result.proposals.find((proposal) => proposal.neighbourhoodName === 'Brandevoort');
    expect(brandevoort).toMatchObject({ date: '2027-01-12', startTime: '19:30', endTime: '21:30', kindCode: 'wijktafel' });
    expect(brandevoort?.explanation.en).toBe(
      'Brandevoort had its last wijktafel on 12 March 2025, so the next one is due by 12 March 2027. Proposed: the first suitable day in the first quarter of 2027 without another wijktafel for the alderman that week: Tuesday 12 January 2027. Days passed over: a public holiday and the alderman already had a wijktafel that week.',
    );
    expect(brandevoort?.explanation.nl).toBe(
      'Brandevoort had de laatste wijktafel op 12 maart 2025, dus de volgende is aan de beurt uiterlijk 12 maart 2027. Voorstel: de eerste geschikte dag in het 1e kwartaal van 2027 zonder andere wijktafel voor de wethouder in die week: dinsdag 12 januari 2027. Overgeslagen dagen: een feestdag en de wethouder had die week al een wijktafel.',
    );
  });

  it('plans a wijkbezoek only when asked, with the whole college and half a day', () => {
    const college = [alderman, 'alderman-b', 'alderman-c'];
    const neighbourhood = wijk('n1', 'Brandevoort');
    neighbourhood.needs.push({ kindCode: 'wijkbezoek', lastHeldOn: null, nextDueOn: '2027-03-31', nextPlannedOn: null, aldermanIds: college });
    expect(plan({ neighbourhoods: [neighbourhood] }).proposals.map((proposal) => proposal.kindCode)).toEqual(['wijktafel']);
    const both = plan({ neighbourhoods: [neighbourhood], kindCodes: ['wijktafel', 'wijkbezoek'] });
    // The alderman chairing the wijktafel is also at the wijkbezoek: not the same week.
    expect(both.proposals.map((proposal) => [proposal.kindCode, proposal.date, proposal.startTime])).toEqual([
      ['wijktafel', '2027-01-05', '19:30'],
      ['wijkbezoek', '2027-01-12', '13:00'],
    ]);
    expect(both.proposals[1].explanation.nl).toContain('Brandevoort heeft nog geen wijkbezoek gehad; dat is aan de beurt uiterlijk 31 maart 2027.');
  });
});

describe('what the planner cannot place, it reports with the reason', () => {
  it.each<[string, Partial<PlannerInput>, string, string]>([
    ['not due in the period', { neighbourhoods: [wijk('n1', 'Brandevoort', { lastHeldOn: '2026-06-01', nextDueOn: '2028-06-01' })] }, 'notDueInPeriod', 'only by 1 June 2028, after this period'],
    ['nothing due at all', { neighbourhoods: [wijk('n1', 'Brandevoort', { nextDueOn: null })] }, 'notDueInPeriod', 'due not, after this period'],
    ['already planned', { neighbourhoods: [wijk('n1', 'Brandevoort', { nextPlannedOn: '2027-02-01' })] }, 'alreadyPlanned', 'already has a wijktafel planned on 1 February 2027'],
    ['agreed away in a development area', { neighbourhoods: [wijk('n1', 'Brandevoort', { isExempt: true })] }, 'exempt', 'does not take place separately'],
    [
      'every day is closed: blackout over the whole period',
      { from: '2027-01-01', to: '2027-01-31', neighbourhoods: [wijk('n1', 'Brandevoort')], blackoutPeriods: [{ kind: 'other', from: '2026-12-01', to: '2027-02-28', description: 'Verbouwing stadhuis' }] },
      'noFreeDay',
      'a period without meetings (Verbouwing stadhuis)',
    ],
    [
      'the alderman is unavailable the whole period',
      { from: '2027-01-01', to: '2027-01-31', neighbourhoods: [wijk('n1', 'Brandevoort')], blockedPeriods: [{ userId: alderman, from: '2027-01-01', to: '2027-01-31' }] },
      'noFreeDay',
      'the alderman or advisor was unavailable',
    ],
    [
      'the advisor’s month is full',
      { from: '2027-01-01', to: '2027-01-31', maxPerAdvisorPerMonth: 1, neighbourhoods: [wijk('n1', 'Brandevoort')], occupied: [{ date: '2027-01-04', aldermanIds: [], advisorIds: [advisor] }] },
      'noFreeDay',
      'the advisor already had 1 meetings that month',
    ],
    ['a period that ends before it starts', { from: '2027-02-01', to: '2027-01-01', neighbourhoods: [wijk('n1', 'Brandevoort', { nextDueOn: '2026-01-01' })] }, 'noFreeDay', 'The period has no working day'],
  ])('%s', (_label, input, reasonCode, sentence) => {
    const result = plan(input);
    expect(result.proposals).toEqual([]);
    expect(result.unplaced).toHaveLength(1);
    expect(result.unplaced[0]).toMatchObject({ neighbourhoodId: 'n1', kindCode: 'wijktafel', reasonCode });
    expect(result.unplaced[0].reason.en).toContain(sentence);
    expect(result.unplaced[0].reason.nl.length).toBeGreaterThan(20);
  });
});
