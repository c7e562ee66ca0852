import { asc, count, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { auditRow } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, duplicateFromDatabase, type FieldProblem } from '../../platform/errors.ts';
import { insertDefaultMeetingKinds, meetingKind } from '../meetings/index.ts';
import { municipality, presentMunicipality } from '../municipalities/index.ts';
import { neighbourhood } from '../neighbourhoods/index.ts';
import { insertDefaultThemes } from '../organisation/index.ts';
import { loadReportCategories } from '../reports/index.ts';
import { createUserRepository, type PasswordLinkService, userAccount } from '../users/index.ts';
import type { FoundMunicipality } from './platform-administration.contract.ts';
import { platformErrors } from './platform-administration.errors.ts';
import type { PlatformAdministrator } from './platform-administration.service.ts';

/** Who founds a municipality: a platform administrator through the API, or someone on the server with the command. */
export type Founder = { kind: 'platformAdministrator'; administrator: PlatformAdministrator } | { kind: 'command' };

function founderLabel(founder: Founder): string {
  return founder.kind === 'command' ? 'platform: npm run municipality:create' : `platform: ${founder.administrator.displayName}`;
}

/**
 * Founding a municipality: the tenant, the note's defaults it starts with (the meeting kinds and their rules, the
 * themes, the report categories; the answer protocol's rules are defaults in code until the administrator changes
 * them) and its first administrator, invited by e-mail. One transaction: a refused founding leaves nothing behind.
 */
export function createMunicipalityFoundingService(dependencies: { db: Executor; clock: Clock; passwordLinks: PasswordLinkService }) {
  const { db, clock, passwordLinks } = dependencies;

  return {
    async foundMunicipality(input: FoundMunicipality, founder: Founder, requestId: string) {
      try {
        return await inTransaction(db, async (tx) => {
          const taken = await tx
            .select({ slug: municipality.slug, cbsCode: municipality.cbsCode })
            .from(municipality)
            .where(or(eq(municipality.slug, input.slug), eq(municipality.cbsCode, input.cbsCode)));
          if (taken.length > 0) {
            const fields: FieldProblem[] = [];
            if (taken.some((row) => row.slug === input.slug)) fields.push({ field: 'body.slug', code: 'slugTaken' });
            if (taken.some((row) => row.cbsCode === input.cbsCode)) fields.push({ field: 'body.cbsCode', code: 'cbsCodeTaken' });
            throw new DomainError(platformErrors.MUNICIPALITY_EXISTS, { fields });
          }
          const now = clock.now();
          const [created] = await tx.insert(municipality).values({ name: input.name, slug: input.slug, cbsCode: input.cbsCode, createdAt: now }).returning();
          const municipalityId = created.id;
          await insertDefaultMeetingKinds(tx, municipalityId, now);
          const themes = await insertDefaultThemes(tx, municipalityId);
          const reportCategories = await loadReportCategories(tx, municipalityId);
          const users = createUserRepository(tx);
          const administrator = await users.insert({ municipalityId, email: input.administrator.email, displayName: input.administrator.displayName, locale: input.administrator.locale, passwordHash: null, createdAt: now });
          await users.replaceGrants(municipalityId, administrator.id, [{ role: 'admin', scopeType: 'municipality', scopeId: null }]);
          const context = { municipalityId, municipalitySlug: created.slug, actor: undefined, requestId, language: 'nl' as const };
          // The municipality's own audit log starts with its founding, and says who founded it.
          const audit = (entry: Parameters<typeof auditRow>[2]) => ({ ...auditRow(clock, context, entry), actorLabel: founderLabel(founder) });
          await tx.insert(auditLog).values([
            audit({ action: 'municipality.found', entityType: 'municipality', entityId: municipalityId, after: { name: created.name, slug: created.slug, cbsCode: created.cbsCode, themes: themes.length, reportCategories } }),
            audit({ action: 'user.create', entityType: 'user', entityId: administrator.id, after: { email: administrator.email, displayName: administrator.displayName, roles: ['admin'] } }),
          ]);
          const invitation = await passwordLinks.issueLink(tx, context, administrator, 'invitation');
          const [{ value: meetingKinds }] = await tx.select({ value: count() }).from(meetingKind).where(eq(meetingKind.municipalityId, municipalityId));
          return {
            municipality: presentMunicipality(created),
            administrator: { id: administrator.id, email: administrator.email, displayName: administrator.displayName, invitationExpiresAt: invitation.expiresAt.toISOString() },
            invitationLink: invitation.address,
            startedWith: { meetingKinds, themes: themes.length, reportCategories },
          };
        });
      } catch (error) {
        throw duplicateFromDatabase(error, { municipality_slug_key: 'body.slug', municipality_cbs_code_key: 'body.cbsCode' }) ?? error;
      }
    },

    /** Every municipality of the installation, with how far it has come: wijken and accounts. */
    async listMunicipalities() {
      const [rows, neighbourhoods, users] = await Promise.all([
        db.select().from(municipality).orderBy(asc(municipality.name)).limit(1000),
        db.select({ municipalityId: neighbourhood.municipalityId, value: count() }).from(neighbourhood).groupBy(neighbourhood.municipalityId),
        db.select({ municipalityId: userAccount.municipalityId, value: count() }).from(userAccount).groupBy(userAccount.municipalityId),
      ]);
      const countOf = (counts: { municipalityId: string; value: number }[], id: string) => counts.find((item) => item.municipalityId === id)?.value ?? 0;
      return { items: rows.map((row) => ({ ...presentMunicipality(row), createdAt: row.createdAt.toISOString(), neighbourhoods: countOf(neighbourhoods, row.id), users: countOf(users, row.id) })) };
    },
  };
}

export type MunicipalityFoundingService = ReturnType<typeof createMunicipalityFoundingService>;
