import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { blackoutPeriod, blockedPeriod, meeting, meetingAgendaItem, meetingContribution, meetingFollowUp, meetingKind, meetingMinutes, meetingParticipant, meetingTheme } from '../modules/meetings/index.ts';
import { request } from '../modules/requests/index.ts';
import { neighbourhood } from '../modules/neighbourhoods/index.ts';
import { theme } from '../modules/organisation/index.ts';
import { userAccount } from '../modules/users/index.ts';
import type { Clock } from '../platform/clock.ts';

const day = 86_400_000;

/** A moment some whole days from now at a local hour (Europe/Amsterdam in winter: UTC+1; good enough for a demo). */
function daysFrom(now: Date, days: number, hour: number, minute = 0): Date {
  const date = new Date(now.getTime() + days * day);
  date.setUTCHours(hour - 1, minute, 0, 0);
  return date;
}

/**
 * Meetings of all three kinds, held and planned, in a few neighbourhoods: a wijktafel with its public closing part,
 * a public wijkbezoek, a wijkwerkoverleg about traffic safety chaired — with a recorded reason — by the alderman of
 * neighbourhood policy, and a closed bilateral meeting. All invented.
 */
export async function seedDemoMeetings(tx: Executor, clock: Clock, municipalityId: string) {
  const now = clock.now();
  const kinds = new Map((await tx.select().from(meetingKind).where(eq(meetingKind.municipalityId, municipalityId))).map((row) => [row.code, row.id]));
  const wijk = new Map((await tx.select().from(neighbourhood).where(eq(neighbourhood.municipalityId, municipalityId))).map((row) => [row.slug, row.id]));
  const person = async (email: string) => (await tx.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.email, email))))[0].id;
  const [alderman, henk, sanne, jeroen, ayse, koen, lotte] = await Promise.all(
    [
      'marieke.gerritsen@helmond.example',
      'henk.aarts@brandevoort.example',
      'sanne.kuipers@helmond.example',
      'jeroen.hermans@helmond.example',
      'ayse.yildiz@helmond-oost.example',
      'koen.verhoeven@helmond.example',
      'lotte.smits@helmond.example',
    ].map(person),
  );
  const [trafficSafety] = await tx.select({ id: theme.id }).from(theme).where(and(eq(theme.municipalityId, municipalityId), eq(theme.code, 'traffic-safety')));
  const base = { municipalityId, isLocationInNeighbourhood: true, createdAt: now, updatedAt: now };
  const wijktafel = ['college', 'council', 'partners', 'advisor', 'officers'] as const;
  const rows: (typeof meeting.$inferInsert)[] = [
    {
      ...base,
      kindId: kinds.get('wijktafel')!,
      neighbourhoodId: wijk.get('brandevoort')!,
      title: 'Wijktafel Brandevoort',
      startsAt: daysFrom(now, -380, 19),
      endsAt: daysFrom(now, -380, 21, 30),
      location: 'Wijkhuis De Brandevoortse Hoeve',
      initiatorSide: 'municipality',
      chairUserId: alderman,
      publicPartStartsAt: daysFrom(now, -380, 21),
      publicPartEndsAt: daysFrom(now, -380, 22),
      publicPartLocation: 'Wijkhuis De Brandevoortse Hoeve, grote zaal',
      invitedGroups: [...wijktafel],
      state: 'held',
      createdByUserId: sanne,
    },
    {
      ...base,
      kindId: kinds.get('wijkbezoek')!,
      neighbourhoodId: wijk.get('brandevoort')!,
      title: 'Wijkbezoek van het college aan Brandevoort',
      startsAt: daysFrom(now, 38, 9, 30),
      endsAt: daysFrom(now, 38, 13, 30),
      location: 'Start bij het station Helmond Brandevoort, daarna een wandeling door De Veste',
      initiatorSide: 'council',
      chairUserId: henk,
      invitedGroups: ['college', 'council', 'residents', 'officers', 'partners', 'advisor', 'municipal_council_members'],
      createdByUserId: henk,
    },
    {
      ...base,
      kindId: kinds.get('wijkwerkoverleg')!,
      neighbourhoodId: wijk.get('brandevoort')!,
      title: 'Wijkwerkoverleg verkeersveiligheid rond de scholen',
      startsAt: daysFrom(now, 16, 19, 30),
      endsAt: daysFrom(now, 16, 21),
      location: 'Basisschool De Veste, teamkamer',
      initiatorSide: 'municipality',
      chairUserId: alderman,
      invitedGroups: ['subject_aldermen', 'council', 'officers', 'partners', 'advisor'],
      overriddenRules: ['chairNotSubjectAlderman'],
      overrideReason: 'De wethouder verkeer is die avond verhinderd; de wethouder wijkbeleid zit het overleg voor en neemt de afspraken mee terug.',
      overriddenByUserId: sanne,
      createdByUserId: sanne,
    },
    {
      ...base,
      kindId: kinds.get('wijktafel')!,
      neighbourhoodId: wijk.get('helmond-oost')!,
      title: 'Wijktafel Helmond-Oost',
      startsAt: daysFrom(now, 58, 19),
      endsAt: daysFrom(now, 58, 21, 30),
      location: 'Buurthuis De Geseldonk',
      initiatorSide: 'municipality',
      chairUserId: alderman,
      publicPartStartsAt: daysFrom(now, 58, 21),
      publicPartEndsAt: daysFrom(now, 58, 22),
      publicPartLocation: 'Buurthuis De Geseldonk, café',
      invitedGroups: [...wijktafel],
      createdByUserId: jeroen,
    },
    {
      ...base,
      kindId: kinds.get('bilateral')!,
      neighbourhoodId: wijk.get('helmond-oost')!,
      title: 'Gesprek over de jaarplanning van de wijkraad',
      startsAt: daysFrom(now, 9, 10),
      endsAt: daysFrom(now, 9, 11),
      location: 'Stadskantoor, kamer 2.14',
      isLocationInNeighbourhood: false,
      initiatorSide: 'council',
      chairUserId: ayse,
      invitedGroups: ['council', 'advisor'],
      createdByUserId: jeroen,
    },
    {
      ...base,
      kindId: kinds.get('wijkwerkoverleg')!,
      neighbourhoodId: wijk.get('brandevoort')!,
      title: 'Wijkwerkoverleg parkeren rond het winkelcentrum',
      startsAt: daysFrom(now, -6, 19, 30),
      endsAt: daysFrom(now, -6, 21),
      location: 'Wijkhuis De Brandevoortse Hoeve, zaal 2',
      initiatorSide: 'municipality',
      chairUserId: alderman,
      invitedGroups: ['subject_aldermen', 'council', 'officers', 'advisor'],
      overriddenRules: ['chairNotSubjectAlderman'],
      overrideReason: 'Parkeren valt onder geen enkele portefeuille apart; de wethouder wijkbeleid zit voor in overleg met het wijkorgaan.',
      overriddenByUserId: sanne,
      state: 'held',
      createdByUserId: sanne,
    },
  ];
  const inserted = await tx.insert(meeting).values(rows).returning({ id: meeting.id, title: meeting.title });
  const byTitle = (start: string) => inserted.find((row) => row.title.startsWith(start))!.id;
  const overleg = byTitle('Wijkwerkoverleg verkeersveiligheid');
  const parkeren = byTitle('Wijkwerkoverleg parkeren');
  const heldTable = byTitle('Wijktafel Brandevoort');
  await tx.insert(meetingTheme).values([
    { municipalityId, meetingId: overleg, themeId: trafficSafety.id },
    { municipalityId, meetingId: parkeren, themeId: trafficSafety.id },
  ]);

  // Who was invited by name, and who came; a member of the municipal council joins the wijkbezoek as a guest.
  const invitedAt = daysFrom(now, -400, 10);
  await tx.insert(meetingParticipant).values([
    { municipalityId, meetingId: heldTable, userId: koen, answer: 'yes', invitedSequence: 0, invitedAt, attended: true, createdAt: invitedAt },
    { municipalityId, meetingId: heldTable, userId: lotte, answer: 'no', invitedSequence: 0, invitedAt, attended: false, createdAt: invitedAt },
    { municipalityId, meetingId: heldTable, userId: henk, answer: 'yes', invitedSequence: 0, invitedAt, attended: true, createdAt: invitedAt },
    { municipalityId, meetingId: overleg, userId: koen, createdAt: now },
    { municipalityId, meetingId: overleg, userId: henk, createdAt: now },
    { municipalityId, meetingId: parkeren, userId: koen, answer: 'yes', invitedSequence: 0, invitedAt: daysFrom(now, -30, 10), createdAt: daysFrom(now, -30, 10) },
    { municipalityId, meetingId: byTitle('Wijkbezoek'), guestName: 'R. de Vries', guestEmail: 'raadslid.devries@gemeenteraad.example', guestKind: 'municipal_council_member', isOptional: true, createdAt: now },
  ]);

  // The agenda of the coming wijkwerkoverleg, one point asked for by the council, and what Koen prepares for it.
  const [councilRequest] = await tx
    .select({ id: request.id, title: request.title })
    .from(request)
    .where(and(eq(request.municipalityId, municipalityId), eq(request.neighbourhoodId, wijk.get('brandevoort')!)))
    .limit(1);
  await tx.insert(meetingAgendaItem).values([
    { municipalityId, meetingId: overleg, position: 1, title: 'Opening en afspraken van de vorige keer', state: 'accepted', proposedByUserId: sanne, createdAt: now },
    { municipalityId, meetingId: overleg, position: 2, title: 'Oversteken bij basisschool De Veste', description: 'Tellingen van de ochtendspits en mogelijke maatregelen.', state: 'accepted', proposedByUserId: sanne, createdAt: now },
    ...(councilRequest ? [{ municipalityId, meetingId: overleg, position: 3, title: councilRequest.title, requestId: councilRequest.id, state: 'requested' as const, isProposal: true, proposedByUserId: henk, createdAt: now }] : []),
    { municipalityId, meetingId: heldTable, position: 1, title: 'Wat speelt er in de wijk: terugblik van het wijkorgaan', state: 'accepted', proposedByUserId: sanne, createdAt: invitedAt },
    { municipalityId, meetingId: heldTable, position: 2, title: 'Het wijkactieplan voor het komende jaar', state: 'accepted', proposedByUserId: sanne, createdAt: invitedAt },
  ]);
  await tx.insert(meetingContribution).values({ municipalityId, meetingId: overleg, title: 'Verkeerstellingen ochtendspits De Veste', assigneeUserId: koen, dueOn: daysFrom(now, 13, 12).toISOString().slice(0, 10), createdAt: now });

  // The held wijktafel's minutes with its agreements: one done, one still open and overdue.
  const heldOn = daysFrom(now, -375, 12);
  await tx.insert(meetingMinutes).values({
    municipalityId,
    meetingId: heldTable,
    body: 'Het wijkorgaan blikte terug op het jaar: de jongerenplek en de verkeersdrukte bij de scholen kwamen het vaakst terug.\n\nAfgesproken is dat de gemeente de verkeerssituatie bij de scholen laat tellen en dat het wijkorgaan met de jongerenwerkers een plek voor de jongeren zoekt.',
    state: 'published',
    authorUserId: sanne,
    publishedAt: heldOn,
    updatedAt: heldOn,
  });
  const followUp = { municipalityId, meetingId: heldTable, neighbourhoodId: wijk.get('brandevoort')!, createdByUserId: sanne, createdAt: heldOn };
  await tx.insert(meetingFollowUp).values([
    { ...followUp, description: 'Verkeerstellingen bij de scholen in De Veste laten uitvoeren', ownerUserId: koen, dueOn: daysFrom(now, -300, 12).toISOString().slice(0, 10), state: 'done', doneAt: daysFrom(now, -310, 12) },
    { ...followUp, description: 'Met de jongerenwerkers een plek voor de jongeren zoeken', ownerName: 'Wijkorgaan Brandevoort', dueOn: daysFrom(now, -30, 12).toISOString().slice(0, 10) },
  ]);

  // What the staggered planner must avoid: the school holidays of region South and the council's summer recess
  // (dates of the published school-holiday calendar), and a fortnight's leave of the alderman for neighbourhood policy.
  const planner = { municipalityId, createdByUserId: sanne, createdAt: now };
  await tx.insert(blackoutPeriod).values([
    { ...planner, kind: 'school_holiday', startsOn: '2027-02-06', endsOn: '2027-02-14', description: 'Voorjaarsvakantie 2027 (regio zuid)' },
    { ...planner, kind: 'school_holiday', startsOn: '2027-04-24', endsOn: '2027-05-02', description: 'Meivakantie 2027' },
    { ...planner, kind: 'school_holiday', startsOn: '2027-07-10', endsOn: '2027-08-22', description: 'Zomervakantie 2027 (regio zuid)' },
    { ...planner, kind: 'council_recess', startsOn: '2027-07-03', endsOn: '2027-08-29', description: 'Zomerreces gemeenteraad 2027' },
  ]);
  const leave = daysFrom(now, 60, 12).toISOString().slice(0, 10);
  const leaveEnds = daysFrom(now, 73, 12).toISOString().slice(0, 10);
  await tx.insert(blockedPeriod).values({ ...planner, userId: alderman, startsOn: leave, endsOn: leaveEnds, reason: 'Verlof' });
}
