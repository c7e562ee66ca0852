import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import type { SessionService } from './session.service.ts';
import type { SingleSignOnInput, StoredSingleSignOn } from './single-sign-on.contract.ts';
import { groupsIn, safeReturnPath } from './single-sign-on.rules.ts';
import { signOnAttempt } from './single-sign-on.tables.ts';
import { generateToken, hashToken } from './token.ts';
import { userErrors } from './user.errors.ts';
import { createUserRepository } from './user.repository.ts';
import { resolveGrants } from './user.service.ts';

/** Between leaving for the identity provider and coming back: time enough for a login with a second step there. */
const attemptMinutes = 10;
/** A provider's configuration (endpoints, keys) is read again after this long, so a key rotation is picked up. */
const discoveryCacheMs = 10 * 60_000;

/** Why a login through the identity provider did not work, as the login page puts it in words (?sso=…). */
export type SignOnFailure = 'expired' | 'failed' | 'noAccount' | 'noEmail' | 'unavailable';

export class SignOnFailed extends Error {
  readonly reason: SignOnFailure;
  constructor(reason: SignOnFailure, cause?: unknown) {
    super(`single sign-on failed: ${reason}`, { cause });
    this.reason = reason;
  }
}

/** http only on the machine itself (a provider started for a test or a local trial); anywhere else https. */
function isLoopback(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
}

/**
 * Single sign-on for a municipality's staff with OpenID Connect (authorization code with PKCE), against the
 * municipality's own identity provider (Entra ID, ADFS, Keycloak…). An account is found by e-mail address, or
 * made on first login when the administrator allows it, with the roles its groups give.
 */
export function createSingleSignOnService(dependencies: { db: Executor; clock: Clock; publicUrl: string; secrets: SecretBox; sessions: SessionService }) {
  const { db, clock, publicUrl, secrets, sessions } = dependencies;
  const discovered = new Map<string, { configuration: Promise<oidc.Configuration>; until: number }>();

  const redirectUriOf = (slug: string) => `${publicUrl.replace(/\/$/, '')}/api/v1/municipalities/${slug}/single-sign-on/callback`;

  async function readStored(municipalityId: string): Promise<StoredSingleSignOn | undefined> {
    return (await createMunicipalityRepository(db).readSettings(municipalityId, 'singleSignOn')) as StoredSingleSignOn | undefined;
  }

  function discover(settings: Pick<StoredSingleSignOn, 'issuer' | 'clientId'>, clientSecret: string): Promise<oidc.Configuration> {
    const key = `${settings.issuer} ${settings.clientId} ${hashToken(clientSecret)}`;
    const cached = discovered.get(key);
    if (cached && cached.until > Date.now()) return cached.configuration;
    const issuer = new URL(settings.issuer);
    const configuration = oidc.discovery(issuer, settings.clientId, clientSecret, undefined, { timeout: 10, ...(isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}) });
    discovered.set(key, { configuration, until: Date.now() + discoveryCacheMs });
    // A failed discovery is not remembered: the next login tries again.
    configuration.catch(() => discovered.delete(key));
    return configuration;
  }

  function assertAdministrator(context: UseCaseContext) {
    if (!can(context.actor, 'singleSignOn.manage')) throw new DomainError('FORBIDDEN');
  }

  function present(slug: string, stored: StoredSingleSignOn | undefined) {
    return {
      isEnabled: stored?.isEnabled ?? false,
      issuer: stored?.issuer ?? '',
      clientId: stored?.clientId ?? '',
      hasClientSecret: Boolean(stored?.clientSecretSealed),
      label: stored?.label ?? 'het gemeenteaccount',
      emailClaim: stored?.emailClaim ?? 'email',
      groupsClaim: stored?.groupsClaim ?? null,
      roleMappings: stored?.roleMappings ?? [],
      createsAccounts: stored?.createsAccounts ?? false,
      staffPasswordLogin: stored?.staffPasswordLogin ?? true,
      redirectUri: redirectUriOf(slug),
    };
  }

  return {
    redirectUriOf,

    /** What the login page needs: whether to show the button, and its words. */
    async options(context: UseCaseContext) {
      const stored = await readStored(context.municipalityId);
      return { isEnabled: stored?.isEnabled === true, label: stored?.isEnabled ? stored.label : null, staffPasswordLogin: stored?.staffPasswordLogin ?? true };
    },

    async getSettings(context: UseCaseContext) {
      assertAdministrator(context);
      return present(context.municipalitySlug ?? '', await readStored(context.municipalityId));
    },

    /**
     * Saves the configuration once the provider has been asked for its own: a wrong address, an issuer that calls
     * itself otherwise or a provider that does not answer is said at the issuer field, and nothing is saved.
     */
    async saveSettings(context: UseCaseContext, input: SingleSignOnInput) {
      assertAdministrator(context);
      const before = await readStored(context.municipalityId);
      const clientSecretSealed = input.clientSecret ? secrets.seal(input.clientSecret) : (before?.clientSecretSealed ?? null);
      if (!clientSecretSealed) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.clientSecret', code: 'clientSecretRequired' }] });
      await inTransaction(db, (tx) => resolveGrants(tx, context.municipalityId, input.roleMappings, (index) => `body.roleMappings.${index}.scopeId`));
      if (input.isEnabled) {
        try {
          await discover(input, input.clientSecret ?? secrets.open(clientSecretSealed));
        } catch (error) {
          const reason = error instanceof Error ? error.message.slice(0, 200) : 'no answer';
          throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.issuer', code: 'issuerUnreachable', params: { issuer: input.issuer, reason } }] });
        }
      }
      const { clientSecret: _secret, ...rest } = input;
      const stored: StoredSingleSignOn = { ...rest, clientSecretSealed };
      return inTransaction(db, async (tx) => {
        const municipalities = createMunicipalityRepository(tx);
        await municipalities.lockForUpdate(context.municipalityId);
        await municipalities.writeSettings(context.municipalityId, 'singleSignOn', stored);
        const secretChanged = Boolean(input.clientSecret);
        const audited = (value: StoredSingleSignOn | undefined) => (value ? { ...value, clientSecretSealed: value.clientSecretSealed ? '(stored)' : null } : null);
        await recordAudit(tx, clock, context, { action: 'singleSignOn.configure', entityType: 'municipality', entityId: context.municipalityId, before: audited(before), after: { ...audited(stored), secretChanged } });
        return present(context.municipalitySlug ?? '', stored);
      });
    },

    /** Sends the browser to the identity provider; the answer is the address to go to and the cookie that binds it. */
    async start(context: UseCaseContext & { municipalitySlug: string }, wantedReturn: string | undefined) {
      const stored = await readStored(context.municipalityId);
      if (!stored?.isEnabled || !stored.clientSecretSealed) throw new DomainError(userErrors.SINGLE_SIGN_ON_OFF);
      let configuration: oidc.Configuration;
      try {
        configuration = await discover(stored, secrets.open(stored.clientSecretSealed));
      } catch (error) {
        throw new SignOnFailed('unavailable', error);
      }
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const browserToken = generateToken();
      const now = clock.now();
      await db.insert(signOnAttempt).values({
        municipalityId: context.municipalityId,
        stateHash: hashToken(state),
        browserHash: hashToken(browserToken),
        nonce,
        codeVerifier: secrets.seal(codeVerifier),
        returnTo: safeReturnPath(context.municipalitySlug, wantedReturn),
        createdAt: now,
        expiresAt: new Date(now.getTime() + attemptMinutes * 60_000),
      });
      const scope = ['openid', 'email', 'profile', ...(stored.groupsClaim ? ['groups'] : [])].join(' ');
      const address = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUriOf(context.municipalitySlug),
        scope,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { address: address.href, browserToken, maxAgeSeconds: attemptMinutes * 60 };
    },

    /**
     * The browser is back from the identity provider. The attempt must be this browser's, unused and in time; the
     * code is exchanged with its PKCE verifier, and the ID token's issuer, audience, nonce and signature checked (by
     * openid-client). Then the account: by e-mail address, or a new one when allowed. Throws SignOnFailed.
     */
    async complete(context: UseCaseContext & { municipalitySlug: string }, input: { callbackUrl: URL; state: string | undefined; browserToken: string | undefined; ipAddress: string; userAgent?: string }) {
      const stored = await readStored(context.municipalityId);
      if (!stored?.isEnabled || !stored.clientSecretSealed) throw new SignOnFailed('unavailable');
      if (!input.state || !input.browserToken) throw new SignOnFailed('expired');
      const now = clock.now();
      // Taken with a conditional update: a state comes back once, in the browser that left with it.
      const [attempt] = await db
        .update(signOnAttempt)
        .set({ usedAt: now })
        .where(
          and(
            eq(signOnAttempt.municipalityId, context.municipalityId),
            eq(signOnAttempt.stateHash, hashToken(input.state)),
            eq(signOnAttempt.browserHash, hashToken(input.browserToken)),
            isNull(signOnAttempt.usedAt),
            gt(signOnAttempt.expiresAt, now),
          ),
        )
        .returning();
      if (!attempt) throw new SignOnFailed('expired');
      let claims: Record<string, unknown>;
      try {
        const configuration = await discover(stored, secrets.open(stored.clientSecretSealed));
        const tokens = await oidc.authorizationCodeGrant(configuration, input.callbackUrl, { pkceCodeVerifier: secrets.open(attempt.codeVerifier), expectedState: input.state, expectedNonce: attempt.nonce, idTokenExpected: true });
        claims = { ...(tokens.claims() ?? {}) };
        // Providers that keep the ID token small (as the standard has them do for claims asked for by scope) give
        // the e-mail address and groups at the userinfo endpoint; its subject must be the ID token's.
        if (claims[stored.emailClaim] === undefined && configuration.serverMetadata().userinfo_endpoint) {
          Object.assign(claims, await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub)), { sub: claims.sub });
        }
      } catch (error) {
        throw new SignOnFailed('failed', error);
      }
      const emailValue = claims[stored.emailClaim];
      if (typeof emailValue !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(emailValue) || claims.email_verified === false) throw new SignOnFailed('noEmail');
      const email = emailValue.trim().toLowerCase();
      const groups = groupsIn(claims, stored.groupsClaim);
      const session = await inTransaction(db, async (tx) => {
        const users = createUserRepository(tx);
        let user = await users.findByEmail(context.municipalityId, email);
        if (user && !user.isActive) throw new SignOnFailed('noAccount');
        if (!user) {
          const mapped = stored.roleMappings.filter((mapping) => groups.includes(mapping.group));
          if (!stored.createsAccounts || mapped.length === 0) throw new SignOnFailed('noAccount');
          const displayName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : email;
          user = await users.insert({ municipalityId: context.municipalityId, email, displayName, passwordHash: null, createdAt: now });
          const grants = await resolveGrants(tx, context.municipalityId, mapped, () => 'roleMappings');
          await users.replaceGrants(context.municipalityId, user.id, grants);
          const actor = { userId: user.id, municipalityId: context.municipalityId, displayName, email, grants, authenticatedBy: 'session' as const };
          await recordAudit(tx, clock, { ...context, actor }, { action: 'user.createBySignOn', entityType: 'user', entityId: user.id, after: { email, displayName, roles: grants.map((grant) => grant.role), groups } });
        }
        return sessions.openSessionAfterSignOn(tx, context, user, { ipAddress: input.ipAddress, userAgent: input.userAgent });
      });
      return { ...session, returnTo: attempt.returnTo };
    },
  };
}

export type SingleSignOnService = ReturnType<typeof createSingleSignOnService>;

/** Logins through the identity provider that were started and never finished are of no use after their ten minutes. */
export function createSignOnAttemptCleanupJob(dependencies: { clock: Clock }) {
  return {
    name: 'forget-expired-sign-on-attempts',
    run: async (tx: Executor) => void (await tx.delete(signOnAttempt).where(lt(signOnAttempt.expiresAt, dependencies.clock.now()))),
  };
}
