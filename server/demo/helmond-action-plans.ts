import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { council } from '../modules/councils/index.ts';
import {
  actionPlan,
  actionPlanAction,
  actionPlanChallenge,
  actionPlanChallengeTheme,
  actionPlanContribution,
  actionPlanInvitation,
  actionPlanVersion,
  actionProgress,
  actionProgressEvidence,
} from '../modules/action-plans/index.ts';
import { evidencePdf } from './demo-evidence.ts';
import { meeting, meetingKind } from '../modules/meetings/index.ts';
import { neighbourhood } from '../modules/neighbourhoods/index.ts';
import { department, partnerOrganisation, theme } from '../modules/organisation/index.ts';
import { userAccount } from '../modules/users/index.ts';
import type { Clock } from '../platform/clock.ts';
import { dateInAmsterdam } from '../platform/working-days.ts';

// Adopted wijkactieplannen in three neighbourhoods, each from a held wijktafel, so the public neighbourhood page and
// the monitoring lists have something to show: Brandevoort with successes, Helmond-Oost with actions at risk and
// Mierlo-Hout with overdue ones. Stiphout's next plan is still collecting contributions. Owners are departments,
// partner organisations and councils; every name of a person here is a demo login, and all of it is invented.
// Brouwhuis is left alone: the browser journey makes its plan there.

const day = 86_400_000;
const police = 'Politie Eenheid Oost-Brabant, basisteam Helmond';
const welfare = 'Stichting Welzijn Helmond';

type Owner = { kind: 'department'; code: string } | { kind: 'partner'; name: string } | { kind: 'council' };
interface DemoProgress {
  status: 'on_track' | 'at_risk' | 'delayed' | 'done';
  value: number | null;
  /** Days before the seed's today. */
  daysAgo: number;
  note: string;
  /** A one-page PDF the owner attached as evidence. */
  evidence?: { fileName: string; title: string; lines: string[] };
}
interface DemoAction {
  title: string;
  specific: string;
  location: string;
  indicator: string;
  baseline: number;
  target: number;
  unit: string;
  owner: Owner;
  contact?: string;
  /** Days from the seed's today. */
  starts: number;
  deadline: number;
  budgetEuros?: number;
  hours?: number;
  fundingSource?: string;
  progress: DemoProgress[];
}
interface DemoPlan {
  slug: string;
  name: string;
  advisor: string;
  /** The held wijktafel, days before the seed's today; the plan runs two years from a month later. */
  heldDaysAgo: number;
  challenges: { title: string; description: string; themes: string[]; actions: DemoAction[] }[];
}

const plans: DemoPlan[] = [
  {
    slug: 'brandevoort',
    name: 'Brandevoort',
    advisor: 'sanne.kuipers@helmond.example',
    heldDaysAgo: 300,
    challenges: [
      {
        title: 'Veilig naar school',
        description: 'Ouders en kinderen voelen zich onveilig op de routes naar de basisscholen in De Veste.',
        themes: ['traffic-safety'],
        actions: [
          { title: 'Schoolzone De Veste herinrichten', specific: 'Drempels, belijning en een zebrapad bij beide schoolingangen', location: 'Schoolstraat en Biezenloop', indicator: 'Gemiddelde snelheid in de ochtendspits', baseline: 42, target: 30, unit: 'km/u', owner: { kind: 'department', code: 'verkeer' }, contact: 'koen.verhoeven@helmond.example', starts: -260, deadline: -40, budgetEuros: 45000, fundingSource: 'Budget verkeersveiligheid', progress: [{ status: 'on_track', value: 36, daysAgo: 150, note: 'Ontwerp klaar, uitvoering na de zomer.' }, { status: 'done', value: 29, daysAgo: 55, note: 'Opgeleverd; meting na oplevering 29 km/u.', evidence: { fileName: 'snelheidsmeting-schoolzone-de-veste.pdf', title: 'Snelheidsmeting Schoolzone De Veste', lines: ['Meting in de ochtendspits, vijf schooldagen na oplevering.', 'Gemiddelde snelheid: 29 km/u (voor de herinrichting: 42 km/u).', 'Hoogste gemeten snelheid: 41 km/u.', 'Afdeling Verkeer en Mobiliteit'] } }] },
          { title: 'Verkeersouders op de scholen', specific: 'Een vaste groep ouders begeleidt de oversteek op schooldagen', location: 'Basisschool De Veste', indicator: 'Scholen met verkeersouders', baseline: 0, target: 2, unit: 'scholen', owner: { kind: 'council' }, starts: -240, deadline: -60, hours: 80, progress: [{ status: 'done', value: 2, daysAgo: 90, note: 'Beide scholen doen mee.' }] },
          { title: 'Extra controles op snelheid', specific: 'Twee keer per maand een controle bij het begin van de schooldag', location: 'Brandevoortse Dreef', indicator: 'Meldingen van te hard rijden', baseline: 40, target: 20, unit: 'meldingen per jaar', owner: { kind: 'partner', name: police }, contact: 'bram.dewit@politie.example', starts: -250, deadline: 300, hours: 120, progress: [{ status: 'on_track', value: 31, daysAgo: 30, note: 'Controles lopen volgens plan.' }] },
        ],
      },
      {
        title: 'Een plek voor de jongeren',
        description: 'Jongeren missen een plek om elkaar te ontmoeten; omwonenden ervaren overlast bij het station.',
        themes: ['youth', 'social-safety'],
        actions: [
          { title: 'Jongerenplek bij het sportpark', specific: 'Een overdekte zitplek met verlichting, samen met de jongeren ontworpen', location: 'Sportpark Brandevoort', indicator: 'Opgeleverde jongerenplekken', baseline: 0, target: 1, unit: 'plek', owner: { kind: 'department', code: 'jeugd' }, starts: -200, deadline: -20, budgetEuros: 30000, fundingSource: 'Wijkbudget', progress: [{ status: 'done', value: 1, daysAgo: 25, note: 'Geopend met de jongeren erbij.' }] },
          { title: 'Jongerenwerk op vrijdagavond', specific: 'Ambulant jongerenwerk elke vrijdagavond rond het station', location: 'Station Helmond Brandevoort', indicator: 'Overlastmeldingen bij het station', baseline: 30, target: 15, unit: 'meldingen per jaar', owner: { kind: 'partner', name: welfare }, starts: -230, deadline: 380, hours: 400, progress: [{ status: 'on_track', value: 22, daysAgo: 40, note: 'Vaste groep van twaalf jongeren bereikt.' }] },
        ],
      },
    ],
  },
  {
    slug: 'helmond-oost',
    name: 'Helmond-Oost',
    advisor: 'jeroen.hermans@helmond.example',
    heldDaysAgo: 200,
    challenges: [
      {
        title: 'Schoon en groen in de buurt',
        description: 'Zwerfafval en verwaarloosde plantsoenen komen het vaakst terug in de meldingen.',
        themes: ['maintenance-green'],
        actions: [
          { title: 'Buurtschoonmaak met bewoners', specific: 'Vier schoonmaakacties per jaar met materiaal van de gemeente', location: 'Oost-Zuid', indicator: 'Schoonmaakacties', baseline: 0, target: 4, unit: 'acties', owner: { kind: 'council' }, starts: -170, deadline: 190, hours: 60, progress: [{ status: 'on_track', value: 2, daysAgo: 35, note: 'Tweede actie gehouden met dertig bewoners.' }] },
          { title: 'Plantsoenen opnieuw inrichten', specific: 'Drie plantsoenen omvormen naar bloemrijk en onderhoudsarm groen', location: 'Oost-Noord', indicator: 'Heringerichte plantsoenen', baseline: 0, target: 3, unit: 'plantsoenen', owner: { kind: 'department', code: 'groen' }, contact: 'lotte.smits@helmond.example', starts: -150, deadline: 60, budgetEuros: 60000, fundingSource: 'Onderhoudsbudget groen', progress: [{ status: 'on_track', value: 1, daysAgo: 100, note: 'Eerste plantsoen klaar.' }, { status: 'at_risk', value: 1, daysAgo: 20, note: 'Aannemer kan pas later; planning staat onder druk.' }] },
        ],
      },
      {
        title: 'Ontmoeting en meedoen',
        description: 'Bewoners kennen elkaar weinig; het buurthuis wordt minder gebruikt dan vroeger.',
        themes: ['social-facilities'],
        actions: [
          { title: 'Activiteiten in buurthuis De Geseldonk', specific: 'Een wekelijkse inloop en een maandelijkse buurtmaaltijd', location: 'Buurthuis De Geseldonk', indicator: 'Bezoekers per maand', baseline: 120, target: 250, unit: 'bezoekers', owner: { kind: 'partner', name: welfare }, starts: -160, deadline: 200, hours: 300, progress: [{ status: 'at_risk', value: 140, daysAgo: 15, note: 'Te weinig vrijwilligers voor de maaltijd.' }] },
        ],
      },
    ],
  },
  {
    slug: 'mierlo-hout',
    name: 'Mierlo-Hout',
    advisor: 'sanne.kuipers@helmond.example',
    heldDaysAgo: 420,
    challenges: [
      {
        title: 'Parkeren rond het centrum van Mierlo-Hout',
        description: 'Bewoners vinden geen plek in de straten rond de Hoofdstraat; op zaterdag staan auto’s op de stoep.',
        themes: ['parking', 'maintenance-grey'],
        actions: [
          { title: 'Parkeeronderzoek Hout-Centrum', specific: 'Tellingen op werkdagen en zaterdag, met advies over een vergunningsgebied', location: 'Hout-Centrum', indicator: 'Bezettingsgraad op zaterdag', baseline: 105, target: 85, unit: 'procent', owner: { kind: 'department', code: 'verkeer' }, contact: 'koen.verhoeven@helmond.example', starts: -380, deadline: -90, budgetEuros: 15000, fundingSource: 'Budget verkeer', progress: [{ status: 'delayed', value: 105, daysAgo: 120, note: 'Tellingen uitgesteld tot na de wegwerkzaamheden.' }] },
          { title: 'Handhaving stoepparkeren', specific: 'Gerichte controles op zaterdag rond de Hoofdstraat', location: 'Hoofdstraat', indicator: 'Meldingen van stoepparkeren', baseline: 50, target: 25, unit: 'meldingen per jaar', owner: { kind: 'department', code: 'handhaving' }, starts: -360, deadline: -30, hours: 150, progress: [{ status: 'on_track', value: 38, daysAgo: 70, note: 'Controles lopen; minder meldingen.' }] },
        ],
      },
      {
        title: 'Wonen in een vertrouwde buurt',
        description: 'Ouderen willen in de wijk blijven wonen en vinden weinig passende woningen.',
        themes: ['housing'],
        actions: [
          { title: 'Woningen geschikt maken voor ouderen', specific: 'Traplift, drempels weg en aangepaste badkamers in bestaande huurwoningen', location: 'Hout-Zuid', indicator: 'Aangepaste woningen', baseline: 0, target: 40, unit: 'woningen', owner: { kind: 'partner', name: 'Woningstichting Peelland' }, starts: -350, deadline: 250, budgetEuros: 200000, fundingSource: 'Woningstichting Peelland', progress: [{ status: 'on_track', value: 18, daysAgo: 45, note: 'Achttien woningen aangepast.' }] },
        ],
      },
    ],
  },
];

export async function seedDemoActionPlans(tx: Executor, clock: Clock, municipalityId: string) {
  const now = clock.now();
  const dateFrom = (days: number) => dateInAmsterdam(new Date(now.getTime() + days * day));
  const momentFrom = (days: number) => new Date(now.getTime() + days * day);
  const [kinds, wijken, councils, departments, partners, themes, users] = await Promise.all([
    tx.select().from(meetingKind).where(eq(meetingKind.municipalityId, municipalityId)),
    tx.select().from(neighbourhood).where(eq(neighbourhood.municipalityId, municipalityId)),
    tx.select().from(council).where(eq(council.municipalityId, municipalityId)),
    tx.select().from(department).where(eq(department.municipalityId, municipalityId)),
    tx.select().from(partnerOrganisation).where(eq(partnerOrganisation.municipalityId, municipalityId)),
    tx.select().from(theme).where(eq(theme.municipalityId, municipalityId)),
    tx.select({ id: userAccount.id, email: userAccount.email }).from(userAccount).where(eq(userAccount.municipalityId, municipalityId)),
  ]);
  const wijktafel = kinds.find((row) => row.code === 'wijktafel')!.id;
  const userId = (email: string) => users.find((row) => row.email === email)!.id;

  for (const demo of plans) {
    const wijk = wijken.find((row) => row.slug === demo.slug)!;
    const councilOfWijk = councils.find((row) => row.neighbourhoodId === wijk.id)!;
    const advisor = userId(demo.advisor);
    const ownerOf = (owner: Owner) => {
      if (owner.kind === 'council') return { ownerKind: 'council' as const, ownerCouncilId: councilOfWijk.id, name: councilOfWijk.name };
      if (owner.kind === 'partner') {
        const partner = partners.find((row) => row.name === owner.name)!;
        return { ownerKind: 'partner' as const, ownerPartnerOrganisationId: partner.id, name: partner.name };
      }
      const found = departments.find((row) => row.code === owner.code)!;
      return { ownerKind: 'department' as const, ownerDepartmentId: found.id, name: found.name };
    };

    const held = momentFrom(-demo.heldDaysAgo);
    held.setUTCHours(18, 0, 0, 0);
    const [table] = await tx
      .insert(meeting)
      .values({
        municipalityId,
        kindId: wijktafel,
        neighbourhoodId: wijk.id,
        title: `Wijktafel ${demo.name}: wijkactieplan`,
        startsAt: held,
        endsAt: new Date(held.getTime() + 2.5 * 3_600_000),
        location: `Wijkcentrum ${demo.name}`,
        isLocationInNeighbourhood: true,
        initiatorSide: 'municipality',
        invitedGroups: ['college', 'council', 'partners', 'advisor', 'officers'],
        state: 'held',
        createdByUserId: advisor,
        createdAt: momentFrom(-demo.heldDaysAgo - 90),
        updatedAt: held,
      })
      .returning({ id: meeting.id });

    const adoptedOn = dateInAmsterdam(held);
    const startsOn = dateFrom(-demo.heldDaysAgo + 30);
    const endsOn = dateFrom(-demo.heldDaysAgo + 30 + 730);
    const planId = crypto.randomUUID();
    await tx.insert(actionPlan).values({
      id: planId,
      municipalityId,
      neighbourhoodId: wijk.id,
      meetingId: table.id,
      title: `Wijkactieplan ${demo.name} ${startsOn.slice(0, 4)}–${endsOn.slice(0, 4)}`,
      // The first progress report starts the execution.
      state: 'in_execution',
      periodStartsOn: startsOn,
      periodEndsOn: endsOn,
      contributionsDueOn: dateFrom(-demo.heldDaysAgo - 42),
      reportIntervalMonths: 3,
      currentVersionNumber: 1,
      adoptedOn,
      createdByUserId: advisor,
      createdAt: momentFrom(-demo.heldDaysAgo - 80),
      updatedAt: momentFrom(-1),
      version: 12,
    });

    const challengeRows: (typeof actionPlanChallenge.$inferInsert)[] = [];
    const challengeThemes: (typeof actionPlanChallengeTheme.$inferInsert)[] = [];
    const actionRows: (typeof actionPlanAction.$inferInsert)[] = [];
    const progressRows: (typeof actionProgress.$inferInsert)[] = [];
    const evidenceToAdd: { actionId: string; progressId: string; uploadedByUserId: string; createdAt: Date; fileName: string; title: string; lines: string[] }[] = [];
    const snapshotChallenges = demo.challenges.map((challenge, challengeIndex) => {
      const challengeId = crypto.randomUUID();
      const themeIds = challenge.themes.map((code) => themes.find((row) => row.code === code)!.id);
      challengeRows.push({ id: challengeId, municipalityId, planId, position: challengeIndex + 1, title: challenge.title, description: challenge.description, createdAt: momentFrom(-demo.heldDaysAgo - 60) });
      challengeThemes.push(...themeIds.map((themeId) => ({ municipalityId, challengeId, themeId })));
      const actions = challenge.actions.map((action, actionIndex) => {
        const id = crypto.randomUUID();
        const { name: ownerName, ...owner } = ownerOf(action.owner);
        const latest = action.progress.at(-1);
        const smart = {
          title: action.title,
          specific: action.specific,
          location: action.location,
          indicator: action.indicator,
          baseline: action.baseline,
          target: action.target,
          unit: action.unit,
          startsOn: dateFrom(action.starts),
          deadlineOn: dateFrom(action.deadline),
          budgetEuros: action.budgetEuros ?? null,
          hours: action.hours ?? null,
          fundingSource: action.fundingSource ?? null,
          isOnTopOfRegularWork: true,
        };
        actionRows.push({
          ...smart,
          ...owner,
          id,
          municipalityId,
          planId,
          challengeId,
          position: actionIndex + 1,
          contactUserId: action.contact ? userId(action.contact) : null,
          progressStatus: latest?.status ?? 'not_started',
          currentValue: latest?.value ?? null,
          progressNote: latest?.note ?? null,
          progressUpdatedAt: latest ? momentFrom(-latest.daysAgo) : null,
          doneOn: latest?.status === 'done' ? dateFrom(-latest.daysAgo) : null,
          createdAt: momentFrom(-demo.heldDaysAgo - 30),
          updatedAt: latest ? momentFrom(-latest.daysAgo) : momentFrom(-demo.heldDaysAgo),
          version: 1 + action.progress.length,
        });
        // The owner's contact reports progress; where the owner has no demo login, the advisor does it for them.
        const reporter = action.contact ? userId(action.contact) : advisor;
        for (const report of action.progress) {
          const progressId = crypto.randomUUID();
          progressRows.push({ id: progressId, municipalityId, actionId: id, status: report.status, currentValue: report.value, note: report.note, postedByUserId: reporter, postedAt: momentFrom(-report.daysAgo), postedOn: dateFrom(-report.daysAgo) });
          if (report.evidence) evidenceToAdd.push({ actionId: id, progressId, uploadedByUserId: reporter, createdAt: momentFrom(-report.daysAgo), ...report.evidence });
        }
        return { ...smart, id, ownerName, owner: { kind: owner.ownerKind, id: owner.ownerCouncilId ?? owner.ownerPartnerOrganisationId ?? owner.ownerDepartmentId! } };
      });
      return { id: challengeId, title: challenge.title, description: challenge.description, themeIds, actions };
    });
    await tx.insert(actionPlanChallenge).values(challengeRows);
    await tx.insert(actionPlanChallengeTheme).values(challengeThemes);
    await tx.insert(actionPlanAction).values(actionRows);
    await tx.insert(actionProgress).values(progressRows);
    for (const evidence of evidenceToAdd) {
      const content = await evidencePdf(evidence.title, evidence.lines);
      await tx.insert(actionProgressEvidence).values({ municipalityId, actionId: evidence.actionId, progressId: evidence.progressId, fileName: evidence.fileName, mediaType: 'application/pdf', sizeBytes: content.length, content, uploadedByUserId: evidence.uploadedByUserId, createdAt: evidence.createdAt });
    }
    // The version as the wijktafel adopted it: the same snapshot `snapshotOf` makes (owners by name, never a person).
    await tx.insert(actionPlanVersion).values({
      municipalityId,
      planId,
      number: 1,
      snapshot: { title: `Wijkactieplan ${demo.name} ${startsOn.slice(0, 4)}–${endsOn.slice(0, 4)}`, periodStartsOn: startsOn, periodEndsOn: endsOn, challenges: snapshotChallenges },
      changes: [],
      acceptedWarnings: [],
      adoptedOn,
      adoptedAt: new Date(held.getTime() + 2 * 3_600_000),
      adoptedByUserId: advisor,
    });
  }

  await seedCollectingPlan(tx, clock, municipalityId, { wijktafel, wijken, councils, departments, partners, userId });
}

/** Stiphout's next plan, for a wijktafel in two months: the parties are invited and the police has contributed. */
async function seedCollectingPlan(
  tx: Executor,
  clock: Clock,
  municipalityId: string,
  reference: {
    wijktafel: string;
    wijken: (typeof neighbourhood.$inferSelect)[];
    councils: (typeof council.$inferSelect)[];
    departments: (typeof department.$inferSelect)[];
    partners: (typeof partnerOrganisation.$inferSelect)[];
    userId: (email: string) => string;
  },
) {
  const now = clock.now();
  const dateFrom = (days: number) => dateInAmsterdam(new Date(now.getTime() + days * day));
  const momentFrom = (days: number) => new Date(now.getTime() + days * day);
  const wijk = reference.wijken.find((row) => row.slug === 'stiphout')!;
  const advisor = reference.userId('jeroen.hermans@helmond.example');
  const startsAt = momentFrom(63);
  startsAt.setUTCHours(18, 0, 0, 0);
  const [table] = await tx
    .insert(meeting)
    .values({
      municipalityId,
      kindId: reference.wijktafel,
      neighbourhoodId: wijk.id,
      title: 'Wijktafel Stiphout',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2.5 * 3_600_000),
      location: 'Gemeenschapshuis Stiphout',
      isLocationInNeighbourhood: true,
      initiatorSide: 'municipality',
      invitedGroups: ['college', 'council', 'partners', 'advisor', 'officers'],
      createdByUserId: advisor,
      createdAt: momentFrom(-30),
      updatedAt: momentFrom(-30),
    })
    .returning({ id: meeting.id });
  const periodStartsOn = dateFrom(93);
  const periodEndsOn = dateFrom(93 + 730);
  const [plan] = await tx
    .insert(actionPlan)
    .values({
      municipalityId,
      neighbourhoodId: wijk.id,
      meetingId: table.id,
      title: `Wijkactieplan Stiphout ${periodStartsOn.slice(0, 4)}–${periodEndsOn.slice(0, 4)}`,
      state: 'collecting',
      periodStartsOn,
      periodEndsOn,
      contributionsDueOn: dateFrom(21),
      reportIntervalMonths: 3,
      createdByUserId: advisor,
      createdAt: momentFrom(-25),
      updatedAt: momentFrom(-20),
      version: 2,
    })
    .returning({ id: actionPlan.id });
  const invitedAt = momentFrom(-20);
  const policeRow = reference.partners.find((row) => row.name === police)!;
  const councilOfWijk = reference.councils.find((row) => row.neighbourhoodId === wijk.id)!;
  const groen = reference.departments.find((row) => row.code === 'groen')!;
  const invitation = { municipalityId, planId: plan.id, dueOn: dateFrom(21), invitedAt };
  await tx.insert(actionPlanInvitation).values([
    { ...invitation, partyKind: 'council', councilId: councilOfWijk.id },
    { ...invitation, partyKind: 'partner', partnerOrganisationId: policeRow.id, contributedAt: momentFrom(-6) },
    { ...invitation, partyKind: 'department', departmentId: groen.id },
  ]);
  await tx.insert(actionPlanContribution).values({
    municipalityId,
    planId: plan.id,
    partyKind: 'partner',
    partnerOrganisationId: policeRow.id,
    challengeTitle: 'Veilig uitgaan en thuiskomen',
    title: 'Extra surveillance in de uitgaansnachten',
    proposal: { specific: 'Surveillance op vrijdag- en zaterdagnacht rond de Dorpsstraat', location: 'Dorpsstraat en Molenven', indicator: 'Meldingen van overlast in het weekend', baseline: 35, target: 20, unit: 'meldingen per jaar', startsOn: periodStartsOn, deadlineOn: dateFrom(93 + 365), budgetEuros: null, hours: 160, fundingSource: 'Eigen capaciteit politie' },
    state: 'submitted',
    submittedByUserId: reference.userId('bram.dewit@politie.example'),
    submittedAt: momentFrom(-6),
  });
}
