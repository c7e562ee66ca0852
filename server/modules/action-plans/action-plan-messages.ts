import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { readableDate } from '../../platform/readable-date.ts';
import { roleAssignment, userAccount } from '../users/user.tables.ts';
import { type PartyRef, partyOf } from './action-plan-content.repository.ts';
import { actionPlanInvitation } from './action-plan-contribution.tables.ts';
import { type PlanRow, roleOfParty } from './action-plan.repository.ts';

/** The people who act for these parties, once each, with how they like to hear. */
export async function peopleOfParties(tx: Executor, municipalityId: string, parties: PartyRef[]) {
  if (parties.length === 0) return [];
  const rows = await tx
    .select({ userId: userAccount.id, email: userAccount.email, locale: userAccount.locale, wantsEmail: userAccount.wantsEmailCopies })
    .from(roleAssignment)
    .innerJoin(userAccount, and(eq(userAccount.municipalityId, roleAssignment.municipalityId), eq(userAccount.id, roleAssignment.userId)))
    .where(
      and(
        eq(roleAssignment.municipalityId, municipalityId),
        or(...parties.map((party) => and(eq(roleAssignment.role, roleOfParty[party.kind]), eq(roleAssignment.scopeId, party.id)))),
      ),
    );
  // A person acting for two of the parties hears once.
  return [...new Map(rows.map((row) => [row.userId, row])).values()];
}

async function send(tx: Executor, clock: Clock, municipalityId: string, people: Awaited<ReturnType<typeof peopleOfParties>>, topic: string, text: (language: 'nl' | 'en') => { subject: string; body: string }, payload: Record<string, unknown>) {
  for (const person of people) {
    const { subject, body } = text(person.locale);
    const message = { municipalityId, recipientUserId: person.userId, topic, subject, body, payload };
    await enqueueMessage(tx, clock, { ...message, channel: 'in_app' });
    if (person.wantsEmail) await enqueueMessage(tx, clock, { ...message, channel: 'email', recipientEmail: person.email });
  }
}

/**
 * Asks the invited parties for their contribution: all of them when collecting starts (`parties` null), or the newly
 * invited ones when the advisor adds parties while collecting.
 */
export async function notifyInvitedParties(tx: Executor, clock: Clock, context: UseCaseContext, plan: PlanRow, parties: PartyRef[] | null) {
  const invitations = await tx
    .select()
    .from(actionPlanInvitation)
    .where(and(eq(actionPlanInvitation.municipalityId, plan.municipalityId), eq(actionPlanInvitation.planId, plan.id)));
  const wanted = parties ?? invitations.map(partyOf);
  const people = await peopleOfParties(tx, plan.municipalityId, wanted);
  const dueOn = invitations[0]?.dueOn ?? plan.contributionsDueOn;
  const link = context.municipalitySlug ? `/${context.municipalitySlug}/wijkactieplannen/${plan.id}` : `/wijkactieplannen/${plan.id}`;
  await send(
    tx,
    clock,
    plan.municipalityId,
    people,
    'actionPlan.contributionInvited',
    (language) =>
      language === 'en'
        ? { subject: `Your contribution to ${plan.title}`, body: `You are invited to contribute challenges and SMART actions to ${plan.title} by ${readableDate(dueOn, 'en')}. ${link}` }
        : { subject: `Jullie bijdrage aan ${plan.title}`, body: `Jullie worden uitgenodigd om uiterlijk ${readableDate(dueOn, 'nl')} opgaven en SMART-acties aan te leveren voor ${plan.title}. ${link}` },
    { planId: plan.id },
  );
}

/** Tells the contributing party what became of its contribution. */
export async function notifyContributionHandled(tx: Executor, clock: Clock, plan: PlanRow, party: PartyRef, title: string, outcome: 'taken_over' | 'merged' | 'declined', reason: string | null) {
  const people = await peopleOfParties(tx, plan.municipalityId, [party]);
  const words = {
    taken_over: { nl: 'is overgenomen in het plan', en: 'has been taken into the plan' },
    merged: { nl: 'is samengevoegd met een bestaande actie', en: 'has been merged with an existing action' },
    declined: { nl: 'komt niet in het plan', en: 'is not taken into the plan' },
  }[outcome];
  await send(
    tx,
    clock,
    plan.municipalityId,
    people,
    'actionPlan.contributionHandled',
    (language) => ({
      subject: language === 'en' ? `Your contribution to ${plan.title}` : `Jullie bijdrage aan ${plan.title}`,
      body: `“${title}” ${words[language]}.${reason ? (language === 'en' ? ` Reason: ${reason}` : ` Reden: ${reason}`) : ''}`,
    }),
    { planId: plan.id },
  );
}

/** Where a message about a plan links to: the plan's page in the municipality's app. */
export function planLink(publicUrl: string, municipalitySlug: string, planId: string) {
  return `${publicUrl}/${municipalitySlug}/wijkactieplannen/${planId}`;
}

/** Sends a progress report to the council: the people of the neighbourhood's council(s), with a link to read it. */
export async function notifyProgressReport(tx: Executor, clock: Clock, plan: PlanRow, councilIds: string[], report: { number: number; periodEndsOn: string }, link: string) {
  const people = await peopleOfParties(tx, plan.municipalityId, councilIds.map((id) => ({ kind: 'council' as const, id })));
  await send(
    tx,
    clock,
    plan.municipalityId,
    people,
    'actionPlan.progressReport',
    (language) =>
      language === 'en'
        ? { subject: `Progress report ${report.number}: ${plan.title}`, body: `How the actions of ${plan.title} stood at the end of the period until ${readableDate(report.periodEndsOn, 'en')}. Read the report: ${link}` }
        : { subject: `Voortgangsrapportage ${report.number}: ${plan.title}`, body: `Zo stonden de acties van ${plan.title} aan het eind van de periode tot en met ${readableDate(report.periodEndsOn, 'nl')}. Lees de rapportage: ${link}` },
    { planId: plan.id, reportNumber: report.number },
  );
  return people.length;
}

/** Reminds an invited party that its contribution is due soon. */
export async function remindInvitedParty(tx: Executor, clock: Clock, plan: { id: string; municipalityId: string; title: string }, party: PartyRef, dueOn: string, link: string) {
  const people = await peopleOfParties(tx, plan.municipalityId, [party]);
  await send(
    tx,
    clock,
    plan.municipalityId,
    people,
    'actionPlan.contributionDue',
    (language) =>
      language === 'en'
        ? { subject: `Reminder: your contribution to ${plan.title}`, body: `We have not yet received your contribution to ${plan.title}. It is due by ${readableDate(dueOn, 'en')}. ${link}` }
        : { subject: `Herinnering: jullie bijdrage aan ${plan.title}`, body: `We hebben jullie bijdrage aan ${plan.title} nog niet ontvangen. Die wordt uiterlijk ${readableDate(dueOn, 'nl')} verwacht. ${link}` },
    { planId: plan.id },
  );
}

/** Reminds an action's owner that its deadline is near. */
export async function remindActionDeadline(tx: Executor, clock: Clock, plan: { id: string; municipalityId: string; title: string }, owner: PartyRef, action: { id: string; title: string; deadlineOn: string }, link: string) {
  const people = await peopleOfParties(tx, plan.municipalityId, [owner]);
  await send(
    tx,
    clock,
    plan.municipalityId,
    people,
    'actionPlan.deadlineNear',
    (language) =>
      language === 'en'
        ? { subject: `Deadline near: ${action.title}`, body: `The action “${action.title}” in ${plan.title} is due by ${readableDate(action.deadlineOn, 'en')}. Please report its progress. ${link}` }
        : { subject: `Einddatum nadert: ${action.title}`, body: `De actie “${action.title}” uit ${plan.title} moet uiterlijk ${readableDate(action.deadlineOn, 'nl')} klaar zijn. Geef de voortgang door. ${link}` },
    { planId: plan.id, actionId: action.id },
  );
}

/** The submitter of a request hears that an action of the plan takes it up. */
export async function notifyRequestTakenUp(tx: Executor, clock: Clock, plan: PlanRow, request: { id: string; reference: string; title: string; submitterUserId: string }, actionTitle: string) {
  const [person] = await tx
    .select({ userId: userAccount.id, email: userAccount.email, locale: userAccount.locale, wantsEmail: userAccount.wantsEmailCopies })
    .from(userAccount)
    .where(and(eq(userAccount.municipalityId, plan.municipalityId), eq(userAccount.id, request.submitterUserId)));
  if (!person) return;
  await send(
    tx,
    clock,
    plan.municipalityId,
    [person],
    'actionPlan.requestTakenUp',
    (language) =>
      language === 'en'
        ? { subject: `Your request ${request.reference} is in the action plan`, body: `${plan.title} takes up your request “${request.title}” as the action “${actionTitle}”. You can follow its progress on the request’s page.` }
        : { subject: `Je verzoek ${request.reference} staat in het wijkactieplan`, body: `${plan.title} pakt je verzoek “${request.title}” op als de actie “${actionTitle}”. Op de pagina van je verzoek volg je de voortgang.` },
    { planId: plan.id, requestId: request.id },
  );
}
