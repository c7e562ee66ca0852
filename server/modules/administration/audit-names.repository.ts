import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import type { Language } from '../../platform/language.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { council } from '../councils/council.tables.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { area, neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { councilTerm, department, partnerOrganisation, portfolio, theme } from '../organisation/organisation.tables.ts';
import { adviceRequest } from '../requests/advice-request.tables.ts';
import { request } from '../requests/request.tables.ts';
import { apiToken, userAccount } from '../users/user.tables.ts';
import { meetingKind } from '../meetings/meeting-kind.tables.ts';
import { meeting } from '../meetings/meeting.tables.ts';
import { blackoutPeriod, blockedPeriod } from '../meetings/meeting-planner.tables.ts';
import { calendarFeed } from '../meetings/calendar-feed.tables.ts';
import { meetingFollowUp } from '../meetings/meeting-minutes.tables.ts';
import { actionPlan } from '../action-plans/action-plan.tables.ts';
import { actionPlanAction, actionPlanChallenge } from '../action-plans/action-plan-content.tables.ts';
import { actionPlanContribution } from '../action-plans/action-plan-contribution.tables.ts';
import type { NamedEntityType } from './audit-reading.rules.ts';

interface NameSource {
  table: PgTable;
  id: PgColumn;
  /** The column that says which municipality a row belongs to (the municipality's own id for itself). */
  tenant: PgColumn;
  name: (language: Language) => PgColumn | SQL;
}

/** The English name where the record has one, else the Dutch. */
const localName = (dutch: PgColumn, english: PgColumn) => (language: Language) => (language === 'en' ? sql`coalesce(${english}, ${dutch})` : dutch);

const sources: Record<NamedEntityType, NameSource> = {
  user: { table: userAccount, id: userAccount.id, tenant: userAccount.municipalityId, name: () => userAccount.displayName },
  request: { table: request, id: request.id, tenant: request.municipalityId, name: () => request.title },
  advice_request: { table: adviceRequest, id: adviceRequest.id, tenant: adviceRequest.municipalityId, name: () => adviceRequest.title },
  neighbourhood: { table: neighbourhood, id: neighbourhood.id, tenant: neighbourhood.municipalityId, name: () => neighbourhood.name },
  area: { table: area, id: area.id, tenant: area.municipalityId, name: () => area.name },
  council: { table: council, id: council.id, tenant: council.municipalityId, name: () => council.name },
  department: { table: department, id: department.id, tenant: department.municipalityId, name: localName(department.name, department.nameEn) },
  partner_organisation: { table: partnerOrganisation, id: partnerOrganisation.id, tenant: partnerOrganisation.municipalityId, name: localName(partnerOrganisation.name, partnerOrganisation.nameEn) },
  theme: { table: theme, id: theme.id, tenant: theme.municipalityId, name: (language) => (language === 'en' ? theme.nameEn : theme.nameNl) },
  portfolio: { table: portfolio, id: portfolio.id, tenant: portfolio.municipalityId, name: localName(portfolio.name, portfolio.nameEn) },
  council_term: { table: councilTerm, id: councilTerm.id, tenant: councilTerm.municipalityId, name: localName(councilTerm.name, councilTerm.nameEn) },
  meeting_kind: { table: meetingKind, id: meetingKind.id, tenant: meetingKind.municipalityId, name: (language) => (language === 'en' ? meetingKind.nameEn : meetingKind.nameNl) },
  meeting: { table: meeting, id: meeting.id, tenant: meeting.municipalityId, name: () => meeting.title },
  blackout_period: { table: blackoutPeriod, id: blackoutPeriod.id, tenant: blackoutPeriod.municipalityId, name: () => blackoutPeriod.description },
  // Unavailable days are named by their dates: the reason may be private.
  blocked_period: { table: blockedPeriod, id: blockedPeriod.id, tenant: blockedPeriod.municipalityId, name: () => sql<string>`${blockedPeriod.startsOn}::text || ' – ' || ${blockedPeriod.endsOn}::text` },
  meeting_follow_up: { table: meetingFollowUp, id: meetingFollowUp.id, tenant: meetingFollowUp.municipalityId, name: () => meetingFollowUp.description },
  action_plan: { table: actionPlan, id: actionPlan.id, tenant: actionPlan.municipalityId, name: () => actionPlan.title },
  action_plan_challenge: { table: actionPlanChallenge, id: actionPlanChallenge.id, tenant: actionPlanChallenge.municipalityId, name: () => actionPlanChallenge.title },
  action_plan_action: { table: actionPlanAction, id: actionPlanAction.id, tenant: actionPlanAction.municipalityId, name: () => actionPlanAction.title },
  action_plan_contribution: { table: actionPlanContribution, id: actionPlanContribution.id, tenant: actionPlanContribution.municipalityId, name: () => actionPlanContribution.title },
  api_token: { table: apiToken, id: apiToken.id, tenant: apiToken.municipalityId, name: () => apiToken.name },
  municipality: { table: municipality, id: municipality.id, tenant: municipality.id, name: () => municipality.name },
  // A feed has no name of its own: it is named after its owner, whom the admin reading the log may know anyway.
  calendar_feed: {
    table: calendarFeed,
    id: calendarFeed.id,
    tenant: calendarFeed.municipalityId,
    name: () => sql`(select ${userAccount.displayName} from ${userAccount} where ${userAccount.municipalityId} = ${calendarFeed.municipalityId} and ${userAccount.id} = ${calendarFeed.userId})`,
  },
  notification: { table: outboxMessage, id: outboxMessage.id, tenant: outboxMessage.municipalityId, name: () => outboxMessage.subject },
};

const nameKey = (type: NamedEntityType, id: string) => `${type}:${id}`;

/**
 * The current names of the records an audit page mentions: one query per kind of record, only rows of this
 * municipality (an id of another one stays nameless). Ids must be uuids (the caller checks).
 */
export async function findNames(db: Executor, municipalityId: string, references: [NamedEntityType, string][], language: Language) {
  const idsByType = new Map<NamedEntityType, Set<string>>();
  for (const [type, id] of references) {
    const ids = idsByType.get(type) ?? new Set<string>();
    ids.add(id.toLowerCase());
    idsByType.set(type, ids);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const source = sources[type];
      const rows = await db
        .select({ id: source.id, name: source.name(language) })
        .from(source.table)
        .where(and(eq(source.tenant, municipalityId), inArray(source.id, [...ids])));
      for (const row of rows as { id: string; name: string }[]) names.set(nameKey(type, row.id), row.name);
    }),
  );
  return (type: NamedEntityType, id: string) => names.get(nameKey(type, id.toLowerCase()));
}
