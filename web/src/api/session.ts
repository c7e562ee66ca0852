import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, api, rememberCsrfToken, tenantPath } from './client.ts';
import type { CurrentSession, SecondFactorChallenge, VisitorSession } from './types.ts';

export const sessionKey = (municipality: string) => ['session', municipality];

/** The logged-in user of this municipality, or null for a visitor. */
export function useSession(municipality: string) {
  return useQuery({
    queryKey: sessionKey(municipality),
    // The signal lets a newer answer (a login, a confirmed registration) cancel this one before it is used.
    queryFn: async ({ signal }) => {
      try {
        const session = await api<CurrentSession | VisitorSession>(tenantPath(municipality, '/sessions/current'), { signal });
        rememberCsrfToken(session.csrfToken);
        return session.user ? (session as CurrentSession) : null;
      } catch (error) {
        if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

const isChallenge = (answer: CurrentSession | SecondFactorChallenge): answer is SecondFactorChallenge => 'secondFactorRequired' in answer;

/** Step 1: e-mail and password. The answer is a session, or the second step still to take. */
export function useLogIn(municipality: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api<CurrentSession | SecondFactorChallenge>(tenantPath(municipality, '/sessions'), { method: 'POST', body: credentials }),
    onSuccess: (answer) => {
      if (isChallenge(answer)) return;
      rememberCsrfToken(answer.csrfToken);
      queryClient.setQueryData(sessionKey(municipality), answer);
    },
  });
}

/** Step 2 (for accounts with a second factor): the app's code or the passkey, with the challenge of step 1. */
export function useCompleteLogIn(municipality: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: { challengeToken: string; totpCode?: string; passkey?: unknown }) => api<CurrentSession>(tenantPath(municipality, '/sessions/second-factor'), { method: 'POST', body: proof }),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey(municipality), session);
    },
  });
}

export { isChallenge };

/** The page where a person adds or removes their second factors. */
export const securityPath = (municipality: string) => `/${municipality}/mijn/beveiliging`;

export function useLogOut(municipality: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => api<unknown>(tenantPath(municipality, everywhere ? '/sessions' : '/sessions/current'), { method: 'DELETE' }),
    onSettled: () => {
      rememberCsrfToken(null);
      queryClient.setQueryData(sessionKey(municipality), null);
      queryClient.invalidateQueries();
    },
  });
}

export function hasRole(session: CurrentSession | null | undefined, role: string): boolean {
  return session?.user.roles.some((grant) => grant.role === role) ?? false;
}

/** The login page, with the page to come back to afterwards ("naar"), so a deep link survives logging in. */
export function loginPathFor(municipality: string, returnTo?: string): string {
  return returnTo ? `/${municipality}/inloggen?naar=${encodeURIComponent(returnTo)}` : `/${municipality}/inloggen`;
}

/** Where to go after logging in: only a page of this municipality, never another site (no open redirect). */
export function returnPathAfterLogin(municipality: string, requested: string | null): string {
  const home = `/${municipality}/mijn`;
  if (!requested?.startsWith(`/${municipality}/`) || requested.startsWith('//') || requested.includes('\\')) return home;
  return requested.startsWith(`/${municipality}/inloggen`) ? home : requested;
}

const returnKey = (municipality: string) => `wijkwerk.afterRegistration.${municipality}`;

/** Where a person was going when they registered; the confirmation link (often opened later) takes them there. */
export function rememberReturnAfterRegistration(municipality: string, requested: string | null) {
  try {
    localStorage.setItem(returnKey(municipality), returnPathAfterLogin(municipality, requested));
  } catch {
    // Storage refused (private mode): the person lands on their home page instead.
  }
}

export function returnAfterRegistration(municipality: string): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(returnKey(municipality));
    localStorage.removeItem(returnKey(municipality));
  } catch {
    // As above.
  }
  return returnPathAfterLogin(municipality, stored);
}

/** The page where a visitor creates an account, with the page to come back to. */
export function registerPathFor(municipality: string, returnTo?: string | null): string {
  return returnTo ? `/${municipality}/registreren?naar=${encodeURIComponent(returnTo)}` : `/${municipality}/registreren`;
}

/** The session is gone on the server (the account was deleted): forget it here too, with everything read under it. */
export function forgetSession(queryClient: QueryClient, municipality: string) {
  rememberCsrfToken(null);
  queryClient.setQueryData(sessionKey(municipality), null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'municipality' });
}
