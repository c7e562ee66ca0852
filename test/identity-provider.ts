import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port.ts';

export interface IdentityProviderAccount {
  email: string;
  name: string;
  groups?: string[];
  emailVerified?: boolean;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free port, for tests and journeys: one confidential client
 * for Wijkwerk, PKCE required, its own login and consent pages (the library's development pages: any known login
 * name, any password). `logIn` walks those pages as a browser would, and returns where the provider sends it back.
 */
export async function startIdentityProvider(options: { redirectUris: string[]; accounts: Record<string, IdentityProviderAccount>; codeTtlSeconds?: number }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'wijkwerk';
  const clientSecret = 'een-geheim-van-de-identity-provider-voor-wijkwerk';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    ttl: { AuthorizationCode: options.codeTtlSeconds ?? 60 },
    cookies: { keys: ['sleutel-voor-de-cookies-van-de-test-provider'] },
    async findAccount(_context: unknown, id: string) {
      const account = options.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true, name: account.name, groups: account.groups ?? [] }) };
    },
  });
  // The provider is quiet in tests: a refused code is what some of them are about.
  provider.on('server_error', () => {});
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));

  /** Follows the provider's pages from the authorization address, logs in as `login` and consents; returns the redirect back. */
  async function logIn(authorizationUrl: string, login: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let form: URLSearchParams | undefined;
    for (let step = 0; step < 12; step++) {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form?.toString(),
      });
      form = undefined;
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const separator = pair.indexOf('=');
        cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
      }
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (!next.href.startsWith(issuer)) return next;
        url = next;
        continue;
      }
      const page = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`the provider showed no form (${response.status}): ${page.slice(0, 300)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url);
      form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'om-het-even' } : { prompt });
    }
    throw new Error('the provider did not send the browser back within twelve steps');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    logIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
