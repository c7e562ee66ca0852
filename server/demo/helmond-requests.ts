import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { council } from '../modules/councils/index.ts';
import { neighbourhood } from '../modules/neighbourhoods/index.ts';
import { department, partnerOrganisation, theme } from '../modules/organisation/index.ts';
import { allocateRequestReference, deadlinesFor, request, requestEvent, requestTheme } from '../modules/requests/index.ts';
import { userAccount } from '../modules/users/index.ts';
import type { Clock } from '../platform/clock.ts';
import { addWeeks, dateInAmsterdam } from '../platform/working-days.ts';

/** A year of requests from Helmond's neighbourhoods: every kind, every verdict, a few overdue. All invented. */
const topics = [
  { kind: 'question', title: 'Wanneer wordt het speelveld aan de Hortsedijk opgeknapt?', theme: 'public-space-layout', department: 'wijkonderhoud' },
  { kind: 'request', title: 'Extra afvalbakken langs het kanaal', theme: 'maintenance-grey', department: 'wijkonderhoud' },
  { kind: 'advice_unsolicited', title: 'Verkeersveiligheid rond basisschool De Veste', theme: 'traffic-safety', department: 'verkeer' },
  { kind: 'advice_solicited', title: 'Advies over de herinrichting van het Kasteelplein', theme: 'public-space-layout', department: 'verkeer' },
  { kind: 'initiative', title: 'Bewonersinitiatief: moestuin in de groenstrook', theme: 'maintenance-green', department: 'groen' },
  { kind: 'request', title: 'Snoeien van de bomen langs de Brandevoortse Dreef', theme: 'maintenance-green', department: 'groen' },
  { kind: 'question', title: 'Hoe staat het met de jongerenontmoetingsplek?', theme: 'youth', department: 'jeugd' },
  { kind: 'advice_unsolicited', title: 'Parkeerdruk in de straten rond het winkelcentrum', theme: 'parking', department: 'verkeer' },
  { kind: 'request', title: 'Verlichting op het fietspad naar het station', theme: 'social-safety', department: 'wijkonderhoud' },
  { kind: 'initiative', title: 'Buurtbarbecue op het grasveld in juni', theme: 'social-facilities', department: 'sport' },
  { kind: 'question', title: 'Komt er een extra bushalte bij het zorgcentrum?', theme: 'accessibility', department: 'verkeer' },
  { kind: 'request', title: 'Hondenpoep op het speelveld: handhaving gevraagd', theme: 'social-safety', department: 'handhaving' },
] as const;

const answers = {
  nu: { motivation: 'Dit past binnen het lopende onderhoudsprogramma en de kosten vallen binnen het budget van dit jaar, dus we pakken het direct op.', action: 'Uitvoeren door de ploeg wijkonderhoud' },
  ooit: { motivation: 'Het idee sluit aan bij ons beleid, maar er is dit jaar geen budget; de raad besluit bij de voorjaarsnota over het investeringsplan.', condition: { kind: 'budget', text: 'Geld in het investeringsplan van volgend jaar' } },
  nooit: { motivation: 'Na overleg met de verkeerskundige en de politie blijkt de maatregel de veiligheid op de doorgaande route te verminderen; daarom doen we het niet.', reasons: ['general_interest_or_safety'] },
} as const;

const positions = [
  { position: 'follows', motivation: '', decidingBody: null },
  { position: 'follows_partly', motivation: 'We nemen de drempels over; een rotonde past niet in het budget en lost het probleem op de doorgaande route niet op.', decidingBody: null },
  { position: 'deviates', motivation: 'Het college kiest voor een stedelijke aanpak van het parkeren; een wijkvergunning alleen voor deze straten verplaatst het probleem.', decidingBody: 'college' },
] as const;

const referrals = {
  youth: { code: 'jpt', name: 'Jeugd Preventie Team (JPT)', note: null },
  'social-safety': { code: 'woonoverlast', name: 'Woonoverlastteam', note: null },
} as Record<string, { code: string; name: string; note: null }>;

export async function seedDemoRequests(tx: Executor, clock: Clock, municipalityId: string) {
  const neighbourhoods = await tx.select().from(neighbourhood).where(eq(neighbourhood.municipalityId, municipalityId));
  const councils = await tx.select().from(council).where(eq(council.municipalityId, municipalityId));
  const departments = await tx.select().from(department).where(eq(department.municipalityId, municipalityId));
  const themes = await tx.select().from(theme).where(eq(theme.municipalityId, municipalityId));
  const person = async (email: string) => (await tx.select().from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.email, email))))[0];
  // A council member submits only for their own council: the demo's two members speak for Brandevoort and Helmond-Oost.
  const councilMembers = new Map([
    [councils.find((row) => row.name === 'Wijkraad Brandevoort')!.id, await person('henk.aarts@brandevoort.example')],
    [councils.find((row) => row.name === 'Wijkraad Helmond-Oost')!.id, await person('ayse.yildiz@helmond-oost.example')],
  ]);
  const eva = await person('eva.mulder@mail.example');
  // The police's neighbourhood team asks too, on behalf of its organisation.
  const bram = await person('bram.dewit@politie.example');
  const [police] = await tx.select().from(partnerOrganisation).where(and(eq(partnerOrganisation.municipalityId, municipalityId), eq(partnerOrganisation.name, 'Politie Eenheid Oost-Brabant, basisteam Helmond')));
  const advisors = [await person('jeroen.hermans@helmond.example'), await person('sanne.kuipers@helmond.example')];
  const officer = await person('koen.verhoeven@helmond.example');

  const now = clock.now();
  const count = 48;
  for (let index = 0; index < count; index++) {
    const topic = topics[index % topics.length];
    const place = neighbourhoods[(index * 5) % neighbourhoods.length];
    const placeCouncil = councils.find((row) => row.neighbourhoodId === place.id);
    const ageDays = Math.round(((count - 1 - index) / count) * 360);
    const createdAt = new Date(now.getTime() - ageDays * 86_400_000);
    const submittedOn = dateInAmsterdam(createdAt);
    const { acknowledgeBy, answerBy } = deadlinesFor(submittedOn);
    // Old requests are answered; recent ones are still in progress; a few stay routed past their deadline.
    const isOverdueOnPurpose = index % 11 === 3;
    const state = ageDays < 6 ? 'submitted' : ageDays < 12 ? 'acknowledged' : ageDays < 30 || isOverdueOnPurpose ? 'routed' : index % 4 === 0 ? 'closed' : 'answered';
    const verdict = state === 'answered' || state === 'closed' ? (['nu', 'ooit', 'nooit'] as const)[index % 3] : null;
    const member = placeCouncil ? councilMembers.get(placeCouncil.id) : undefined;
    const fromCouncil = member !== undefined && (topic.kind.startsWith('advice') || index % 3 === 0);
    const advisor = advisors[index % 2];
    const leadDepartment = departments.find((row) => row.code === topic.department)!;
    const acknowledgedAt = state === 'submitted' ? null : new Date(createdAt.getTime() + 2 * 86_400_000);
    const routedAt = ['routed', 'answered', 'closed'].includes(state) ? new Date(createdAt.getTime() + 4 * 86_400_000) : null;
    const answeredAt = verdict ? new Date(createdAt.getTime() + (10 + (index % 25)) * 86_400_000) : null;
    const answeredOn = answeredAt ? dateInAmsterdam(answeredAt) : null;
    const answer =
      verdict === 'nu'
        ? { verdict, motivation: answers.nu.motivation, action: answers.nu.action, plannedOn: addWeeks(answeredOn!, 4) }
        : verdict === 'ooit'
          ? { verdict, motivation: answers.ooit.motivation, conditions: [answers.ooit.condition], decisionDueOn: addWeeks(answeredOn!, 26), updateEveryWeeks: 6 }
          : verdict === 'nooit'
            ? { verdict, motivation: answers.nooit.motivation, reasons: answers.nooit.reasons }
            : null;
    const id = randomUUID();
    const fromPartner = !fromCouncil && police !== undefined && index % 8 === 2;
    const submitter = fromCouncil ? member : fromPartner ? bram : eva;
    // Advice gets the municipality's position once answered; deviating names who decided (§3.3).
    const position = topic.kind.startsWith('advice') && answeredOn ? positions[index % positions.length] : null;
    // Youth and safety problems go to a front-line team now and then.
    const referralTeam = routedAt && (topic.theme === 'youth' || topic.theme === 'social-safety') && index % 2 === 0 ? referrals[topic.theme] : null;
    // Older referrals have been picked up by the team, the oldest fed back on.
    const referral = referralTeam
      ? { ...referralTeam, state: ageDays > 120 ? 'fedBack' : ageDays > 40 ? 'pickedUp' : 'referred', feedback: ageDays > 120 ? 'Het team heeft met de jongeren en hun ouders gesproken; de overlast is sindsdien afgenomen.' : null }
      : null;
    // Deviating from advice in a formal inspraak procedure is for the college; otherwise the department decides.
    const isFormalInspraak = position?.decidingBody === 'college';
    // Most nu answers are carried out as planned; the most recent ones not yet.
    const carriedOutOn = verdict === 'nu' && ageDays > 60 ? addWeeks(answeredOn!, index % 5 === 0 ? 6 : 3) : null;
    const hasConversation = routedAt !== null && index % 5 === 1;
    await tx.insert(request).values({
      id,
      municipalityId,
      reference: await allocateRequestReference(tx, municipalityId, createdAt),
      kind: topic.kind,
      title: topic.title,
      body: `${topic.title}. Bewoners van ${place.name} vragen hier al langer aandacht voor; het wijkorgaan heeft het besproken in de openbare vergadering.`,
      neighbourhoodId: place.id,
      scale: index % 7 === 0 ? 'city_wide' : 'neighbourhood',
      weight: index % 7 === 0 ? 'limited' : 'large',
      isPublic: index % 6 !== 5,
      state,
      submitterUserId: submitter.id,
      councilId: fromCouncil ? placeCouncil!.id : null,
      partnerOrganisationId: fromPartner ? police.id : null,
      isFormalInspraak,
      carriedOutOn,
      supportStatement: topic.kind.startsWith('advice') ? { origins: [{ kind: 'open_meeting' }, { kind: 'survey', count: 80 + index }], breadth: index % 2 ? 'broad' : 'divided', dissent: index % 2 ? '' : 'Een deel van de bewoners vreest extra verkeer.' } : null,
      acknowledgeBy,
      answerBy,
      acknowledgedAt,
      routedAt,
      answeredAt,
      closedAt: state === 'closed' ? new Date(answeredAt!.getTime() + 14 * 86_400_000) : null,
      leadDepartmentId: routedAt ? leadDepartment.id : null,
      verdict,
      answer,
      nextUpdateDue: verdict === 'ooit' ? addWeeks(answeredOn!, 6) : null,
      advicePosition: position ? { ...position, recordedOn: answeredOn } : null,
      referral,
      createdAt,
      updatedAt: answeredAt ?? routedAt ?? acknowledgedAt ?? createdAt,
    });
    const themeRow = themes.find((row) => row.code === topic.theme);
    if (themeRow) await tx.insert(requestTheme).values({ municipalityId, requestId: id, themeId: themeRow.id });
    const events = [
      { kind: 'submitted', at: createdAt, actor: submitter },
      ...(acknowledgedAt ? [{ kind: 'acknowledged', at: acknowledgedAt, actor: advisor }] : []),
      ...(routedAt ? [{ kind: 'routed', at: routedAt, actor: advisor }] : []),
      ...(referral ? [{ kind: 'referred', at: new Date(routedAt!.getTime() + 3600_000), actor: advisor, isInternal: true, text: 'Besproken in het netwerkoverleg; het team neemt contact op met de betrokken bewoners.' }] : []),
      ...(hasConversation
        ? [
            { kind: 'message', at: new Date(routedAt!.getTime() + 86_400_000), actor: submitter, text: 'Is er al zicht op wanneer hier iets mee gebeurt? Bewoners vragen ons er regelmatig naar.' },
            { kind: 'note', at: new Date(routedAt!.getTime() + 2 * 86_400_000), actor: advisor, isInternal: true, text: 'Afdeling gebeld: schouw gepland, antwoord volgt binnen de termijn.' },
            { kind: 'message', at: new Date(routedAt!.getTime() + 2 * 86_400_000 + 3600_000), actor: advisor, text: 'De afdeling komt binnenkort kijken; u krijgt binnen de termijn antwoord.' },
          ]
        : []),
      ...(answeredAt ? [{ kind: 'answered', at: answeredAt, actor: officer, text: answer?.motivation ?? null }] : []),
      ...(position ? [{ kind: 'advicePosition', at: new Date(answeredAt!.getTime() + 3600_000), actor: officer, text: position.motivation || null }] : []),
      ...(carriedOutOn ? [{ kind: 'carriedOut', at: new Date(`${carriedOutOn}T12:00:00Z`), actor: officer, text: answers.nu.action }] : []),
      ...(verdict === 'ooit' && ageDays > 90 ? [{ kind: 'updated', at: new Date(answeredAt!.getTime() + 42 * 86_400_000), actor: officer, text: 'Het voorstel ligt bij het college; de raad besluit bij de voorjaarsnota.' }] : []),
    ] as { kind: string; at: Date; actor: typeof officer; isInternal?: boolean; text?: string | null }[];
    await tx.insert(requestEvent).values(events.map((event) => ({ municipalityId, requestId: id, kind: event.kind, actorUserId: event.actor.id, actorLabel: event.actor.displayName, actorSide: event.actor === submitter ? ('submitterSide' as const) : ('staff' as const), occurredAt: event.at, isInternal: event.isInternal ?? false, text: event.text ?? null })));
  }
  return count;
}
